using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

/// <summary>Opens a page's view model from URL values, as the page does.</summary>
internal static class TimeTravelPages
{
    public static StratumViewModel Stratum(SessionRegistry registry, params (string Key, string? Value)[] query)
    {
        var vm = new StratumViewModel(registry);
        vm.Load(query.ToDictionary(p => p.Key, p => p.Value));
        return vm;
    }

    /// <summary>Waits (up to 30 s) until <paramref name="done"/> holds after a sync, as a page re-reads its view model when the session changes.</summary>
    public static async Task UntilAsync(SessionViewModel vm, Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            vm.Sync();
            if (done())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"still at step {vm.Step} (playing: {vm.Playing})");
            await Task.Delay(5);
        }
    }
}
