using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// BlockWrite's volume part as keepstore.go has it (services/keepstore/keepstore.go BlockWrite,
/// put_progress.go): rendezvous order over the writable mounts, existing copies counted,
/// failover, replicas and storage classes, errFull and errVolumeUnavailable.
/// </summary>
public sealed class BlockWriteVolumeTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 4096).Select(i => (byte)i)];
    private static readonly KeepLocator Locator = KeepLocator.Of(Body);

    private static KeepHarness Put(Action<IReadOnlyList<KeepVolume>> volumes, int count = 3, params string[] classes) =>
        new KeepHarness(KeepHarness.Teaching(KeepServerMode.Current) with { Volumes = count }, blocks: 0)
            .Setup((m, _) => volumes(Rendezvous.Order(Locator.Hash, m.Volumes)))
            .Put(0, Body, Locator, classes)
            .Execute();

    [Fact]
    public void WithNoClassAskedForOneWriteToTheFirstMountInRendezvousOrderIsEnough()
    {
        // "if result.Done() ... break nextmnt": one replica of any class is done.
        KeepHarness run = Put(_ => { });

        string first = Rendezvous.Order(Locator.Hash, run.Model.Volumes)[0].Uuid;
        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal([(first, "ok")], run.Events<VolumeWriteFinished>().Select(w => (w.Volume, w.Outcome)));
        Assert.Equal(new BlockStored(1, 1, "default=1"), run.Events<BlockStored>().Single());
    }

    [Fact]
    public void AFailedWriteFailsOverToTheNextMount()
    {
        // the write goroutine: "pending.Sub(mnt)" on error, so the next mount is wanted again.
        KeepHarness run = Put(order => order[0].WriteFault = VolumeWriteFault.Error);

        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(["error", "ok"], run.Events<VolumeWriteFinished>().Select(w => w.Outcome));
        Assert.True(run.Model.Volumes.Count(v => v.Contains(Locator.Hash)) == 1);
    }

    [Theory]
    [InlineData(VolumeWriteFault.Full, VolumeWriteFault.Full, 507)] // "if allFull.Load() { return resp, errFull }"
    [InlineData(VolumeWriteFault.Full, VolumeWriteFault.Error, 503)] // errVolumeUnavailable
    public void WhenNoMountTakesTheBlockTheAnswerSaysWhetherAllWereFull(VolumeWriteFault first, VolumeWriteFault second, int status)
    {
        KeepHarness run = Put(order => (order[0].WriteFault, order[1].WriteFault) = (first, second), count: 2);

        Assert.Equal(status, run.Response(1).Status);
        Assert.Empty(run.Events<BlockStored>());
    }

    [Fact]
    public void AMountHoldingTheBlockAlreadyCountsWithoutAWrite()
    {
        // "if err := mnt.BlockRead(ctx, hash, cmp); err == nil { ... result.Add(mnt) }"
        KeepHarness run = Put(order => order[0].Store(Locator.Hash, [.. Body]));

        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(["exists"], run.Events<VolumeWriteFinished>().Select(w => w.Outcome));
    }

    [Fact]
    public void DifferentBytesUnderTheSameHashAreACollision()
    {
        KeepHarness run = Put(order => order[0].Store(Locator.Hash, new byte[Body.Length]));

        Assert.Equal(500, run.Response(1).Status);
    }

    [Fact]
    public void StorageClassesAskedForAreWrittenSideBySideAndConfirmedWithTheirReplicas()
    {
        KeepHarness run = Put(order =>
        {
            order[0].StorageClasses = ["archive"];
            order[1].StorageClasses = ["hot"];
            order[1].Replication = 2;
            order[2].StorageClasses = ["hot"];
        }, 3, "hot", "archive");

        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(new BlockStored(1, 3, "archive=1, hot=2"), run.Events<BlockStored>().Single());
        Assert.Equal(2, run.Events<VolumeWriteFinished>().Count()); // the third mount's class was already done
        Assert.Single(run.Run.Events.Events.Where(e => e.Event is VolumeWriteFinished).Select(e => e.Time).Distinct()); // in flight together
    }

    [Fact]
    public void AReadOnlyMountIsNeverWritten()
    {
        KeepHarness run = Put(order => order[0].Writable = false);

        Assert.False(Rendezvous.Order(Locator.Hash, run.Model.Volumes)[0].Contains(Locator.Hash));
        Assert.Equal(200, run.Response(1).Status);
    }

    [Fact]
    public void AScenarioFileSetsTheVolumesAndThePhasesStorageClasses()
    {
        const string File = """
            name: put-classes
            description: PUTs asking for hot and archive copies; the third volume is full.
            system: keep
            options:
              volumes: 3
              volumeSettings:
                - storageClasses: [archive]
                - storageClasses: [hot]
                  replication: 2
                - writeFault: full
            phases:
              - load: closed
                clients: 4
                requestsPerClient: 2
                putFraction: 1
                storageClasses: [hot, archive]
            """;
        using var run = new Run(ScenarioFile.Parse(File, "put-classes.yaml").Scenario, 1);
        run.RunToEnd();

        BlockStored[] stored = [.. run.Events.Events.Select(e => e.Event).OfType<BlockStored>()];
        Assert.Equal(8, stored.Length);
        Assert.All(stored, s => Assert.Equal((3, "archive=1, hot=2"), (s.Replicas, s.StorageClasses)));
    }

    [Fact]
    public void BadVolumeSettingsNameTheFieldAndChangeNothing()
    {
        const string File = """
            name: bad
            description: d
            system: keep
            options:
              volumes: 1
              volumeSettings:
                - writeFault: melted
                - {}
            phases:
              - load: closed
                clients: 1
            """;

        string[] problems = [.. ScenarioFile.Validate(File, "bad.yaml").Select(p => p.ToString())];

        Assert.Contains(problems, p => p.Contains("volumeSettings[0].writeFault: must be one of none, full, error, got 'melted'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("volumeSettings: names 2 volumes, but there are 1", StringComparison.Ordinal));
    }
}
