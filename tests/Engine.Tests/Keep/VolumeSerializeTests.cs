using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// The unix driver's Serialize option (services/keepstore/unix_volume.go lock/unlock around BlockRead's
/// open and io.Copy; volume_unix.go getFunc at 0f644e242e): one I/O at a time per volume, in arrival order.
/// </summary>
public sealed class VolumeSerializeTests
{
    private const int Readers = 4;

    /// <summary>Four GETs of distinct blocks at once on one unix volume, fast clients.</summary>
    private static KeepHarness FourReaders(KeepServerMode mode, bool serialize)
    {
        KeepConfig config = KeepHarness.Teaching(mode) with
        {
            Volumes = 1,
            VolumeKind = VolumeKind.Unix,
            ClientMiBps = 100_000,
            VolumeSettings = [new KeepVolumeSettings(1, ["default"], false, VolumeWriteFault.None) { Serialize = serialize }],
        };
        var harness = new KeepHarness(config, blocks: Readers);
        for (int i = 0; i < Readers; i++)
        {
            harness.Get(0, i);
        }

        return harness.Execute();
    }

    private static (TimeSpan Start, TimeSpan End)[] ReadSpans(KeepHarness run)
    {
        IReadOnlyList<LoggedEvent> events = run.Run.Events.Events;
        return
        [
            .. Enumerable.Range(1, Readers).Select(r => (
                events.First(e => e.Event is VolumeReadStarted s && s.Request == r).Time,
                events.First(e => e.Event is VolumeReadFinished f && f.Request == r).Time)).OrderBy(s => s.Item2),
        ];
    }

    [Theory]
    [InlineData(KeepServerMode.Current)]
    [InlineData(KeepServerMode.Legacy)]
    public void WithSerializeConcurrentReadsOfOneVolumeFinishOneAfterAnother(KeepServerMode mode)
    {
        KeepHarness run = FourReaders(mode, serialize: true);
        KeepVolume volume = run.Model.Volumes[0];
        double alone = (volume.Latency + volume.TransferTime(run.BlockBytes)).TotalMilliseconds;
        double[] ends = [.. ReadSpans(run).Select(s => s.End.TotalMilliseconds)];

        Assert.All(Enumerable.Range(0, Readers), i => Assert.Equal(alone * (i + 1), ends[i], 1.0)); // each read starts when the one before ends
        Assert.Equal(Readers - 1, run.Events<VolumeLockWaitStarted>().Count());
        Assert.Equal([1, 2, 3], run.Events<VolumeLockWaitStarted>().Select(w => w.Waiting));
        Assert.All(Enumerable.Range(1, Readers), r => Assert.Equal(200, run.Response(r).Status));
        Assert.False(volume.Lock.Held);
    }

    [Theory]
    [InlineData(KeepServerMode.Current)]
    [InlineData(KeepServerMode.Legacy)]
    public void WithoutItTheyShareTheDiskAndRunAtOnce(KeepServerMode mode)
    {
        KeepHarness run = FourReaders(mode, serialize: false);
        (TimeSpan Start, TimeSpan End)[] spans = ReadSpans(run);
        KeepVolume volume = run.Model.Volumes[0];

        Assert.All(spans, s => Assert.True(s.Start < spans[0].End)); // every read started before the first ended
        Assert.True(spans[0].End > 2 * (volume.Latency + volume.TransferTime(run.BlockBytes))); // and each went slower for it
        Assert.Empty(run.Events<VolumeLockWaitStarted>());
    }

    [Fact]
    public void AClientThatLeavesWhileWaitingForTheLockGivesItsTurnToTheNext()
    {
        // unix_volume.go lock: ctx.Done -> return ctx.Err(); a goroutine takes the mutex in its turn and unlocks it at once
        KeepConfig config = KeepHarness.Teaching(KeepServerMode.Current) with
        {
            Volumes = 1,
            VolumeKind = VolumeKind.Unix,
            VolumeSettings = [new KeepVolumeSettings(1, ["default"], false, VolumeWriteFault.None) { Serialize = true }],
        };
        KeepHarness run = new KeepHarness(config, blocks: 3).Get(0, 0).Get(1, 1, disconnectAfterMs: 5).Get(2, 2).Execute();

        Assert.Equal(499, run.Response(2).Status);
        Assert.Equal(200, run.Response(1).Status);
        Assert.Equal(200, run.Response(3).Status);
        Assert.Equal(0, run.Events<VolumeReadFinished>().Single(f => f.Request == 2).Bytes);
        Assert.False(run.Model.Volumes[0].Lock.Held);
    }

    [Fact]
    public void AScenarioFileSetsItPerVolumeAndOnlyOnUnixVolumes()
    {
        const string Unix = """
            name: serialized
            description: d
            system: keep
            options:
              volumes: 2
              volumeKind: unix
              volumeSettings:
                - serialize: true
            phases:
              - load: closed
                clients: 4
            """;
        var scenario = (KeepScenario)ScenarioFile.Parse(Unix, "serialized.yaml").Scenario;
        Assert.Equal([true], scenario.Config.VolumeSettings.Select(v => v.Serialize));
        using var run = new Run(scenario, 1);
        run.RunToEnd();
        KeepModel model = (KeepModel)run.Model;
        Assert.True(model.Volumes[0].Serialize);
        Assert.False(model.Volumes[1].Serialize);

        string[] problems = [.. ScenarioFile.Validate(Unix.Replace("volumeKind: unix", "volumeKind: s3", StringComparison.Ordinal), "s3.yaml").Select(p => p.ToString())];
        Assert.Contains(problems, p => p.Contains("volumeSettings: serialize is the unix driver's option (DriverParameters.Serialize); volumeKind is s3", StringComparison.Ordinal));
    }
}
