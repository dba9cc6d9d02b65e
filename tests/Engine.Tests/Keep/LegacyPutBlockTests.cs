using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// The 2017 keepstore's PUT path, rule by rule, each test naming the upstream line it follows
/// (arvados services/keepstore at 0f644e242e: handlers.go PutBlockHandler 173-233, PutBlock 708-766,
/// CompareAndTouch 773-807; volume.go RRVolumeManager; collision.go; keepstore.go's errors;
/// sdk/go/httpserver/request_limiter.go).
/// </summary>
public sealed class LegacyPutBlockTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 13))];
    private static readonly KeepLocator Locator = KeepLocator.Of(Body);

    /// <summary>Two 128-byte messages with the same MD5 (79054025255fb1a26e4bc422aef54eb4; Wang and Yu, 2004), for a real collision.</summary>
    private static readonly byte[] CollisionA = Convert.FromHexString(
        "d131dd02c5e6eec4693d9a0698aff95c2fcab58712467eab4004583eb8fb7f89" +
        "55ad340609f4b30283e488832571415a085125e8f7cdc99fd91dbdf280373c5b" +
        "d8823e3156348f5bae6dacd436c919c6dd53e2b487da03fd02396306d248cda0" +
        "e99f33420f577ee8ce54b67080a80d1ec69821bcb6a8839396f9652b6ff72a70");

    private static readonly byte[] CollisionB = Convert.FromHexString(
        "d131dd02c5e6eec4693d9a0698aff95c2fcab50712467eab4004583eb8fb7f89" +
        "55ad340609f4b30283e4888325f1415a085125e8f7cdc99fd91dbd7280373c5b" +
        "d8823e3156348f5bae6dacd436c919c6dd53e23487da03fd02396306d248cda0" +
        "e99f33420f577ee8ce54b67080280d1ec69821bcb6a8839396f965ab6ff72a70");

    private static KeepConfig Legacy(int volumes = 3) => KeepHarness.Teaching(KeepServerMode.Legacy) with { Volumes = volumes };

    /// <summary>A legacy run of <paramref name="volumes"/> volumes set up by <paramref name="setup"/>, then <paramref name="puts"/> PUTs of <see cref="Body"/> one after another.</summary>
    private static KeepHarness Put(Action<IReadOnlyList<KeepVolume>> setup, int volumes = 3, int puts = 1, params string[] classes)
    {
        var harness = new KeepHarness(Legacy(volumes), blocks: 0).Setup((m, _) => setup(m.Volumes));
        for (int i = 0; i < puts; i++)
        {
            harness.Put(i * 1000, Body, Locator, classes);
        }

        return harness.Execute();
    }

    private static (string Volume, string Outcome)[] Writes(KeepHarness run) => [.. run.Events<VolumeWriteFinished>().Select(w => (w.Volume, w.Outcome))];

    private static string[] Logged(KeepHarness run) => [.. run.Events<ServerLogged>().Select(l => l.Line)];

    private static string Uuid(KeepHarness run, int volume) => run.Model.Volumes[volume].Uuid;

    [Fact]
    public void PutsTakeTheWritableVolumesInTurnStartingWithTheSecond()
    {
        // volume.go:370-377 NextWritable: i := atomic.AddUint32(&vm.counter, 1); writables[i % len]: the first call returns writables[1]
        KeepHarness run = new KeepHarness(Legacy(), blocks: 0)
            .Put(0, Body, Locator)
            .Put(1000, CollisionA, KeepLocator.Of(CollisionA))
            .Put(2000, [.. Body, 1], KeepLocator.Of([.. Body, 1]))
            .Execute();

        Assert.Equal([(Uuid(run, 1), "ok"), (Uuid(run, 2), "ok"), (Uuid(run, 0), "ok")], Writes(run));
        Assert.All(Enumerable.Range(1, 3), r => Assert.Equal(200, run.Response(r).Status));
    }

    [Fact]
    public void AReadOnlyVolumeIsNotAmongTheWritables()
    {
        // volume.go:341-343 (writables: only v.Writable()), 366-368 AllWritable
        KeepHarness run = Put(v => v[1].Writable = false);

        Assert.Equal([(Uuid(run, 2), "ok")], Writes(run)); // writables are volumes 0 and 2; 1 % 2 picks volume 2
    }

    [Fact]
    public void TheReplicationStoredIsTheOneVolumesAndNoClassIsConfirmed()
    {
        // handlers.go:729 return vol.Replication(); 231 X-Keep-Replicas-Stored; no X-Keep-Storage-Classes-Confirmed in 2017
        KeepHarness run = Put(v => v[1].Replication = 3);

        Assert.Equal(new BlockStored(1, 3, ""), run.Events<BlockStored>().Single());
        Assert.Equal(200, run.Response(1).Status);
    }

    [Fact]
    public void StorageClassesAskedForAreIgnored()
    {
        // 2017 has no storage classes: handlers.go:173-233 never reads X-Keep-Storage-Classes; NextWritable decides alone
        KeepHarness run = Put(v => v[0].StorageClasses = ["archive"], classes: "archive");

        Assert.Equal([(Uuid(run, 1), "ok")], Writes(run));
        Assert.False(run.Model.Volumes[0].Contains(Locator.Hash));
    }

    [Fact]
    public void AnIdenticalCopyIsComparedAndTouchedAndNothingIsWritten()
    {
        // handlers.go:719-720 CompareAndTouch first; 775 AllWritable in configuration order; 798-804 Touch, then vol.Replication()
        KeepHarness run = Put(v =>
        {
            v[2].Store(Locator.Hash, [.. Body]);
            v[2].Replication = 2;
        });

        Assert.Equal([(Uuid(run, 2), "exists")], Writes(run));
        Assert.Equal(new BlockStored(1, 2, ""), run.Events<BlockStored>().Single());
        Assert.False(run.Model.Volumes[1].Contains(Locator.Hash));
    }

    [Fact]
    public void DifferentBytesWithTheSameMd5AreACollision()
    {
        // handlers.go:779-786 CollisionError stops CompareAndTouch, logged; collision.go:32-33 (the stored bytes hash to the locator); keepstore.go:47
        KeepLocator locator = KeepLocator.Of(CollisionA);
        Assert.Equal(locator.Hash, KeepLocator.Of(CollisionB).Hash);
        KeepHarness run = new KeepHarness(Legacy(), blocks: 0)
            .Setup((m, _) => m.Volumes[0].Store(locator.Hash, [.. CollisionB]))
            .Put(0, CollisionA, locator)
            .Execute();

        Assert.Equal((500, "Collision"), (run.Response(1).Status, run.Response(1).Error));
        Assert.Equal([$"{Uuid(run, 0)}: Compare({locator.Hash}): Collision"], Logged(run));
        Assert.Empty(Writes(run));
    }

    [Fact]
    public void ACorruptCopyIsLoggedAndTheBlockIsWritten()
    {
        // collision.go:34-35 (stored bytes that do not hash to the locator: DiskHashError); handlers.go:791-796 logged, next volume; then 727-729
        KeepHarness run = Put(v =>
        {
            v[0].Store(Locator.Hash, [.. Body]);
            v[0].InjectFault(Locator.Hash, new VolumeFault(Corrupt: true));
        });

        Assert.Equal([$"{Uuid(run, 0)}: Compare({Locator.Hash}): Hash mismatch in stored data"], Logged(run));
        Assert.Equal([(Uuid(run, 1), "ok")], Writes(run));
        Assert.Equal(200, run.Response(1).Status);
    }

    [Fact]
    public void AFailedFirstWriteIsNotLoggedAndEveryWritableIsTriedInConfigurationOrder()
    {
        // handlers.go:727-734 (NextWritable's failure: not logged), 743-758 (every writable in order, NextWritable's among them; failures logged)
        KeepHarness run = Put(v => (v[0].WriteFault, v[1].WriteFault) = (VolumeWriteFault.Error, VolumeWriteFault.Error));

        Assert.Equal([(Uuid(run, 1), "error"), (Uuid(run, 0), "error"), (Uuid(run, 1), "error"), (Uuid(run, 2), "ok")], Writes(run));
        Assert.Equal([$"{Uuid(run, 0)}: Write({Locator.Hash}): {VolumeFault.WriteFailureMessage}", $"{Uuid(run, 1)}: Write({Locator.Hash}): {VolumeFault.WriteFailureMessage}"], Logged(run));
        Assert.Equal(200, run.Response(1).Status);
    }

    [Fact]
    public void EveryVolumeFullIs503Full()
    {
        // handlers.go:760-763 allFull: "All volumes are full." and FullError; keepstore.go:54 {503, "Full"}; volume_unix.go WriteBlock: IsFull before any I/O
        KeepHarness run = Put(v => { foreach (KeepVolume volume in v) { volume.WriteFault = VolumeWriteFault.Full; } }, volumes: 2);

        Assert.Equal((503, "Full"), (run.Response(1).Status, run.Response(1).Error));
        Assert.Equal(["All volumes are full."], Logged(run));
        Assert.Equal(3, Writes(run).Length); // NextWritable's, then both in order
    }

    [Fact]
    public void SomeFullAndSomeFailedIs500Fail()
    {
        // handlers.go:751-757 (a non-full error clears allFull), 765 GenericError; keepstore.go:53 {500, "Fail"}
        KeepHarness run = Put(v => (v[0].WriteFault, v[1].WriteFault) = (VolumeWriteFault.Error, VolumeWriteFault.Full), volumes: 2);

        Assert.Equal((500, "Fail"), (run.Response(1).Status, run.Response(1).Error));
    }

    [Fact]
    public void ABodyWhoseMd5IsNotTheUrlsHashIs422()
    {
        // handlers.go:710-714 RequestHashError, logged; keepstore.go:48 {422, "Hash mismatch in request"}
        byte[] other = [.. Body.Select(b => (byte)~b)];
        KeepHarness run = new KeepHarness(Legacy(), blocks: 0).Put(0, other, Locator).Execute();

        Assert.Equal((422, "Hash mismatch in request"), (run.Response(1).Status, run.Response(1).Error));
        Assert.Equal([$"{Locator.Hash}: MD5 checksum {KeepLocator.Of(other).Hash} did not match request"], Logged(run));
        Assert.Empty(Writes(run));
    }

    [Fact]
    public void AContentLengthOverBlockSizeIs413BeforeABuffer()
    {
        // handlers.go:188-191 TooLongError before getBufferWithContext; keepstore.go:56 {413, "Block is too large"}
        KeepConfig config = Legacy();
        KeepHarness run = new KeepHarness(config, blocks: 0).Put(0, Body, Locator with { Size = config.BufferSize + 1 }).Execute();

        Assert.Equal((413, "Block is too large"), (run.Response(1).Status, run.Response(1).Error));
        Assert.Empty(run.Events<BufferAcquired>());
    }

    [Fact]
    public void NoWritableVolumeIs503FullBeforeABuffer()
    {
        // handlers.go:193-196 len(KeepVM.AllWritable()) == 0: FullError
        KeepHarness run = Put(v => { foreach (KeepVolume volume in v) { volume.Writable = false; } }, volumes: 2);

        Assert.Equal((503, "Full"), (run.Response(1).Status, run.Response(1).Error));
        Assert.Empty(run.Events<BufferAcquired>());
    }

    [Fact]
    public void ABodyShorterThanItsContentLengthIs500WithTheReadError()
    {
        // handlers.go:204-209 io.ReadFull(req.Body, buf) fails: http.Error(resp, err.Error(), 500), buffer put back
        KeepHarness run = new KeepHarness(Legacy(), blocks: 0).Put(0, Body[..100], Locator).Execute();

        Assert.Equal((500, "unexpected EOF"), (run.Response(1).Status, run.Response(1).Error));
        Assert.Equal(0, run.Model.Pool.InUse);
        Assert.Empty(Writes(run));
    }

    [Fact]
    public void AClientThatLeavesWhileWaitingForABufferGets503ClientDisconnected()
    {
        // handlers.go:198-202 getBufferWithContext's ErrClientDisconnect: http.Error(..., 503); keepstore.go:59
        KeepHarness left = new KeepHarness(Legacy() with { MaxBuffers = 1 }, blocks: 1)
            .Get(0, 0) // holds the only buffer for its volume read (20 ms latency) and transfer
            .PutLeaving(1, Body, Locator, disconnectAfterMs: 5)
            .Execute();

        Assert.Equal((503, "Client disconnected"), (left.Response(2).Status, left.Response(2).Error));
        Assert.Empty(left.Events<VolumeWriteFinished>());
    }

    [Fact]
    public void TheFullSemaphoreAnswersABare503()
    {
        // sdk/go/httpserver/request_limiter.go:48-53: resp.WriteHeader(http.StatusServiceUnavailable), no body
        KeepHarness run = new KeepHarness(Legacy() with { LegacyMaxRequests = 1 }, blocks: 0)
            .Put(0, Body, Locator)
            .Put(0, Body, Locator)
            .Execute();

        Assert.Equal((503, (string?)null), (run.Response(2).Status, run.Response(2).Error));
        Assert.Equal(200, run.Response(1).Status);
    }
}
