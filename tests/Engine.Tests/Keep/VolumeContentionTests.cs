using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>
/// The volume model: a unix volume is one disk whose bandwidth the reads in progress share, an
/// S3-like one serves each read at its whole bandwidth. In keep-volume-contention (1, then 4,
/// then 16 readers of distinct blocks), the median latency grows with the readers on one unix
/// volume, grows half as much on two, and not at all on S3-like volumes.
/// </summary>
public sealed class VolumeContentionTests
{
    [Fact]
    public void OnOneUnixVolumeTheMedianLatencyGrowsWithTheReaders()
    {
        double[] medians = PhaseMedians(volumes: "1", kind: "unix");

        Assert.True(medians[0] < medians[1] && medians[1] < medians[2], string.Join(", ", medians));
        Assert.InRange(medians[2] / medians[0], 10, 20); // 16 readers share the disk
    }

    [Fact]
    public void OnTwoUnixVolumesItGrowsAboutHalfAsMuch()
    {
        double oneDisk = PhaseMedians(volumes: "1", kind: "unix")[2];
        double twoDisks = PhaseMedians(volumes: "2", kind: "unix")[2];

        Assert.InRange(twoDisks / oneDisk, 0.2, 0.75);
    }

    [Fact]
    public void OnS3LikeVolumesItDoesNotGrow()
    {
        double[] medians = PhaseMedians(volumes: "1", kind: "s3");

        Assert.All(medians, m => Assert.Equal(medians[0], m));
    }

    /// <summary>The median latency of the GETs that arrived in each of the preset's three phases (they start at 0, 4 and 8 s).</summary>
    private static double[] PhaseMedians(string volumes, string kind)
    {
        string text = ScenarioCatalog.FindDocument("keep-volume-contention")!.Text;
        text = ScenarioText.Set(ScenarioText.Set(text, "options.volumes", volumes), "options.volumeKind", kind);
        using var run = new Run(ScenarioFile.Parse(text, "contention.yaml").Scenario, 1);
        run.RunToEnd();
        IReadOnlyList<LoggedEvent> events = run.Events.Events;
        Dictionary<int, TimeSpan> arrived = events.Where(e => e.Event is RequestArrived).ToDictionary(e => ((RequestArrived)e.Event).Request, e => e.Time);
        return
        [
            .. events.Select(e => e.Event).OfType<ResponseSent>()
                .GroupBy(r => Math.Min(2, (int)(arrived[r.Request].TotalMilliseconds / 4000)))
                .OrderBy(g => g.Key)
                .Select(g => Median([.. g.Select(r => (double)r.LatencyUs)])),
        ];
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
