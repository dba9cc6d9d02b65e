using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

/// <summary>The timeline's marks: mode changes, failed requests, broken invariants and faults, at their steps; none in the log's JSON.</summary>
public class TimelineMarkTests
{
    private static Run RunToEnd(string preset, ulong seed = 1)
    {
        var run = new Run(ScenarioCatalog.Find(preset)!, seed);
        run.RunToEnd();
        return run;
    }

    [Fact]
    public void ReadmeCase3MarksItsTwoModeChanges()
    {
        using Run run = RunToEnd("readme-case3");
        Assert.Equal([(10, "Back → Front"), (13, "Front → Back")], run.Events.Marks().Select(m => (m.Step, m.Label)));
        Assert.All(run.Events.Marks(), m => Assert.Equal(TimelineMarkKind.ModeChanged, m.Kind));
        Assert.DoesNotContain("\"mark\"", run.Events.ToJsonLines(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnOverlapIsAnInvariantMark()
    {
        using Run run = RunToEnd("bug-b4-overlap");
        Assert.Contains(run.Events.Marks(), m => m.Kind == TimelineMarkKind.InvariantBroken && m.Label.StartsWith("Overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void FailedKeepRequestsAndATruncatedFileAreMarked()
    {
        using Run keep = RunToEnd("keep-volume-failure");
        Assert.Contains(keep.Events.Marks(), m => m.Kind == TimelineMarkKind.RequestFailed && m.Label.Contains(": 404", StringComparison.Ordinal));
        Assert.DoesNotContain(keep.Events.Marks(), m => m.Label.EndsWith(": 200", StringComparison.Ordinal));

        using Run filestore = RunToEnd("filestore-truncated-file");
        TimelineMark cut = Assert.Single(filestore.Events.Marks(), m => m.Kind == TimelineMarkKind.Fault);
        Assert.Equal("file cut to 6393856 bytes", cut.Label);
        Assert.Contains(filestore.Events.Marks(), m => m.Kind == TimelineMarkKind.RequestFailed && m.Step > cut.Step);
        Assert.Equal(5, filestore.Events.Marks(max: 5).Count);
    }
}
