using BufferLab.Simulator.Cli;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Tests.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>`Simulator.Cli remote URL follow CODE` against a real dashboard on Kestrel, with a presenter on the hub.</summary>
public sealed class RemoteFollowCommandTests(LiveDashboard dashboard) : IClassFixture<LiveDashboard>
{
    [Fact]
    public async Task ItPrintsThePresentersStepsAndEndsWhenThePresenterEnds()
    {
        await using HubConnection presenter = new HubConnectionBuilder().WithUrl(dashboard.Address + HubPaths.Simulation).Build();
        await presenter.StartAsync();
        string session = await presenter.OpenAsync(new OpenRequest("readme-case3", Seed: 1));
        PresentationInfo info = await presenter.InvokeAsync<PresentationInfo>("Present", session);
        var output = new StringWriter();
        var error = new StringWriter();

        Task<int> follow = Task.Run(() => CliApp.Run(["remote", dashboard.Address, "follow", info.ShortCode], output, error));
        await Eventually.Until(() => output.ToString().Contains("following ", StringComparison.Ordinal));
        for (int step = 1; step <= 3; step++)
        {
            await presenter.InvokeAsync("Step", session, 1);
            await Eventually.Until(() => output.ToString().Contains($"step {step}/14", StringComparison.Ordinal));
        }

        await presenter.InvokeAsync("EndPresentation");
        int exit = await follow.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("", error.ToString());
        Assert.Equal(0, exit);
        string[] lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal($"following {info.ShortCode}: /stratum?scenario=readme-case3&seed=1&step=0", lines[0].TrimEnd());
        Assert.Matches(@"^step 3/14  t=\S+ s  \S+ ", lines[^2]);
        Assert.Equal("the presenter ended this presentation", lines[^1].TrimEnd());
    }

    [Fact]
    public void AnUnknownCodeIsOneLineAndExit2()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = CliApp.Run(["remote", dashboard.Address, "follow", "QQQ QQQ"], output, error);

        Assert.Equal(2, exit);
        Assert.Equal("error: Follow refused: no presentation has the code 'QQQ QQQ': it is mistyped, or it ended a while ago", error.ToString().TrimEnd());
    }
}
