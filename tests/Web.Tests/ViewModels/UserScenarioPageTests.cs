using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

/// <summary>System pages opening a user's file from the library by its id.</summary>
public sealed class UserScenarioPageTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void APageKeepsTheIdInItsUrlAndRunsWithTheFilesSeed()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8, seed: 42), "mine.yaml").Id!;
        using var vm = new KeepViewModel(_registry);

        vm.Load(new Dictionary<string, string?> { ["scenario"] = id });

        Assert.Empty(vm.Notices);
        Assert.Equal((id, 42UL), (vm.ScenarioName, vm.Seed));
        Assert.Equal(8, vm.Scenario!.Config.MaxBuffers);
        Assert.True(vm.IsUserScenario);
        Assert.Equal($"scenario={id}&seed=42&step=0&mode=current", vm.QueryString);
        Assert.Equal($"/scenarios/download?scenario={id}&seed=42&mode=current", vm.DownloadHref);
        Assert.Equal($"/scenarios?scenario={id}&seed=42&mode=current", vm.EditHref);

        vm.SetMode("coalescing"); // the same file in another mode
        Assert.Equal((id, KeepModeOf(vm)), (vm.ScenarioName, "Coalescing"));
    }

    [Fact]
    public void TheUrlsSeedWinsOverTheFiles()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8, seed: 42), "mine.yaml").Id!;
        using var vm = new KeepViewModel(_registry);

        vm.Load(new Dictionary<string, string?> { ["scenario"] = id, ["seed"] = "3" });

        Assert.Equal(3UL, vm.Seed);
        Assert.Equal(3UL, vm.Session!.Seed);
    }

    [Fact]
    public void AnIdTheServerForgotFallsBackWithANotice()
    {
        using var vm = new KeepViewModel(_registry);

        vm.Load(new Dictionary<string, string?> { ["scenario"] = "u-0123456789" });

        Assert.Equal("keep-job-start-herd", vm.ScenarioName);
        Assert.False(vm.IsUserScenario);
        Assert.Contains("is not in this server's library", Assert.Single(vm.Notices), StringComparison.Ordinal);
        Assert.Equal(1UL, vm.Seed);
    }

    private static string KeepModeOf(KeepViewModel vm) => ((KeepScenario)vm.Session!.Scenario).Config.Mode.ToString();

    public void Dispose() => _registry.Dispose();
}
