using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// The 2017 keepstore's GET path, rule by rule, each test naming the upstream line it follows
/// (arvados services/keepstore at 0f644e242e: handlers.go GetBlock, volume.go, keepstore.go,
/// pipe_adapters.go). Blocks are placed on chosen volumes by hand, so the order of the volumes
/// read is configuration order and not where rendezvous hashing would have put the block.
/// </summary>
public class LegacyGetBlockTests
{
    private static readonly byte[] Data = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))];
    private static readonly KeepLocator Locator = KeepLocator.Of(Data);

    /// <summary>A legacy run of 3 volumes where <paramref name="place"/> stores or breaks the block per volume, then one GET of it.</summary>
    private static KeepHarness Run(Action<IReadOnlyList<KeepVolume>> place, double? disconnectAfterMs = null)
    {
        return new KeepHarness(KeepHarness.Teaching(KeepServerMode.Legacy) with { Volumes = 3 }, blocks: 0)
            .Setup((model, _) => place(model.Volumes))
            .GetLocator(0, Locator, disconnectAfterMs)
            .Execute();
    }

    private static string[] VolumesRead(KeepHarness run) => [.. run.Events<VolumeReadStarted>().Select(r => r.Volume)];

    private static string[] Logged(KeepHarness run) => [.. run.Events<ServerLogged>().Select(l => l.Line)];

    [Fact]
    public void VolumesAreTriedInConfigurationOrderNotRendezvousOrder()
    {
        // volume.go:328-344 (readables appended as configured), 361-363 (AllReadable), handlers.go:643 (for _, vol := range KeepVM.AllReadable())
        KeepHarness run = Run(v => v[2].Store(Locator.Hash, Data));
        string[] configured = [.. run.Model.Volumes.Select(v => v.Uuid)];

        Assert.Equal(configured, VolumesRead(run));
        Assert.NotEqual(configured, Rendezvous.Order(Locator.Hash, run.Model.Volumes).Select(v => v.Uuid));
        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(Data.Length, run.Response(1).Bytes);
    }

    [Fact]
    public void ABlockNoVolumeHasIs404NotFoundAfterEveryVolume()
    {
        // handlers.go:641 (errorToCaller := NotFoundError), 656-659 (IsNotExist: not logged, continue), 678; keepstore.go:52
        KeepHarness run = Run(_ => { });

        Assert.Equal(3, VolumesRead(run).Length);
        Assert.Equal(404, run.Response(1).Status);
        Assert.Equal("Not Found", run.Response(1).Error);
        Assert.Empty(Logged(run));
    }

    [Fact]
    public void AnIoErrorIsLoggedAndTheNextVolumeServesTheBlock()
    {
        // handlers.go:650-660: any error but IsNotExist is logged ("%s: Get(%s): %s") and the loop continues
        KeepHarness run = Run(v =>
        {
            v[0].Store(Locator.Hash, Data);
            v[0].InjectFault(Locator.Hash, new VolumeFault(FailAfterBytes: Data.Length / 2));
            v[1].Store(Locator.Hash, Data);
        });

        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(Data.Length, run.Response(1).Bytes);
        Assert.Equal(2, VolumesRead(run).Length);
        Assert.Equal([$"{run.Model.Volumes[0].Uuid}: Get({Locator.Hash}): {VolumeFault.FailureMessage}"], Logged(run));
    }

    [Fact]
    public void AnIoErrorOnEveryCopyIs404BecauseItNeverBecomesTheErrorToTheCaller()
    {
        // handlers.go:650-660 continue without touching errorToCaller, so 678 returns NotFoundError (641); no 502 and no 500
        KeepHarness run = Run(v =>
        {
            v[1].Store(Locator.Hash, Data);
            v[1].InjectFault(Locator.Hash, new VolumeFault(FailAfterBytes: Data.Length / 2));
        });

        Assert.Equal(404, run.Response(1).Status);
        Assert.Equal("Not Found", run.Response(1).Error);
        Assert.Equal(3, VolumesRead(run).Length);
        Assert.Single(Logged(run));
    }

    [Fact]
    public void AHashMismatchIsLoggedAndAGoodCopyOnALaterVolumeIsReturned()
    {
        // handlers.go:663-671 (checksum mismatch logged, errorToCaller = DiskHashError, continue), 672-676 (good copy found: logged, returned)
        KeepHarness run = Run(v =>
        {
            v[0].Store(Locator.Hash, Data);
            v[0].InjectFault(Locator.Hash, new VolumeFault(Corrupt: true));
            v[1].Store(Locator.Hash, Data);
        });

        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(Data.Length, run.Response(1).Bytes);
        string[] logged = Logged(run);
        Assert.Equal(2, logged.Length);
        Assert.StartsWith($"{run.Model.Volumes[0].Uuid}: checksum mismatch for request {Locator.Hash} (actual ", logged[0], StringComparison.Ordinal);
        Assert.Equal($"{run.Model.Volumes[1].Uuid}: checksum mismatch for request {Locator.Hash} but a good copy was found on another volume and returned", logged[1]);
    }

    [Fact]
    public void AHashMismatchWithNoGoodCopyIs500HashMismatchInStoredData()
    {
        // keepstore.go:50 (DiskHashError{500, "Hash mismatch in stored data"}); handlers.go:669-670, 678, then 121-127 (http.Error with its HTTPCode)
        KeepHarness run = Run(v =>
        {
            v[0].Store(Locator.Hash, Data);
            v[0].InjectFault(Locator.Hash, new VolumeFault(Corrupt: true));
        });

        Assert.Equal(3, VolumesRead(run).Length); // the later volumes are still tried; their not-found does not undo DiskHashError
        Assert.Equal(500, run.Response(1).Status);
        Assert.Equal("Hash mismatch in stored data", run.Response(1).Error);
        Assert.Equal(0, run.Response(1).Bytes);
    }

    [Fact]
    public void AClientThatLeavesDuringAVolumeReadGets503ClientDisconnectedAndNoFurtherVolumeIsRead()
    {
        // pipe_adapters.go:32-35 (vol.Get returns ctx.Err() at once), handlers.go:645-648 (ErrClientDisconnect); keepstore.go:59 (503)
        KeepHarness run = Run(v => v[2].Store(Locator.Hash, Data), disconnectAfterMs: 5); // volume latency is 20 ms

        Assert.Single(VolumesRead(run));
        Assert.Equal(503, run.Response(1).Status);
        Assert.Equal("Client disconnected", run.Response(1).Error);
    }

    [Fact]
    public void TheVolumeFailurePresetGivesThe2017Statuses()
    {
        // fail halfway: I/O error, logged, 404 (handlers.go:650-660, 678); corrupt: 500 (663-671); missing: 404 (641, 678); fine: 200
        var run = new Run(ScenarioCatalog.Get<KeepScenario>("keep-volume-failure").WithMode(KeepServerMode.Legacy), 1);
        run.RunToEnd();
        var model = (KeepModel)run.Model;

        Assert.Equal(new Dictionary<int, int> { [200] = 30, [404] = 60, [500] = 30 }, model.Counters.Responses.ToDictionary());
        Assert.Equal(30, run.Events.Events.Select(e => e.Event).OfType<ServerLogged>().Count(l => l.Line.EndsWith(VolumeFault.FailureMessage, StringComparison.Ordinal)));
    }
}
