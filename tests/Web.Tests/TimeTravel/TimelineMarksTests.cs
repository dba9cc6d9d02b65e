using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

/// <summary>The timeline's marks come from the whole run, known when the session opens, not only the steps it has reached.</summary>
public sealed class TimelineMarksTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void ReadmeCase3ChangesModeAtSteps10And13BeforeAnyStepIsTaken()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"));

        Assert.Equal(0, vm.Step);
        Assert.Equal([10, 13], vm.Marks.Select(m => m.Step));
        Assert.All(vm.Marks, m => Assert.Equal(TimelineMarkKind.ModeChanged, m.Kind));
        Assert.Equal("Back → Front", vm.Marks[0].Label);
        Assert.Equal(2, vm.MarkTotal);
        Assert.Equal(2, vm.MarkCounts[TimelineMarkKind.ModeChanged]);
    }

    [Fact]
    public void TheOverlapBugHasAnInvariantBrokenMarkAtItsAlarm()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "bug-b4-overlap"));

        StepMark broken = Assert.Single(vm.Marks, m => m.Kind == TimelineMarkKind.InvariantBroken);
        Assert.Equal(16, broken.Step);
        Assert.StartsWith("Overlap", broken.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingVolumeMarksFailedRequests()
    {
        using var vm = new KeepViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "keep-volume-failure" });

        Assert.Contains(vm.Marks, m => m.Kind == TimelineMarkKind.RequestFailed);
        Assert.True(vm.MarkCounts[TimelineMarkKind.RequestFailed] >= vm.Marks.Count(m => m.Kind == TimelineMarkKind.RequestFailed));
        Assert.All(vm.Marks, m => Assert.InRange(m.Step, 0, vm.LastStep));
        Assert.Equal(vm.Marks.OrderBy(m => m.Step).Select(m => m.Step), vm.Marks.Select(m => m.Step));
    }

    [Fact]
    public void PreviousAndNextMarkMoveBetweenMarkedSteps()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"));

        Assert.Null(vm.PreviousMark);
        vm.GoToNextMark();
        Assert.Equal(10, vm.Step);
        vm.GoToNextMark();
        Assert.Equal(13, vm.Step);
        Assert.Null(vm.NextMark);
        vm.GoToNextMark(); // nothing after the last mark: stays
        Assert.Equal(13, vm.Step);
        vm.StepForward();
        vm.GoToPreviousMark();
        Assert.Equal(13, vm.Step);
        vm.GoToPreviousMark();
        Assert.Equal(10, vm.Step);
        Assert.Equal("9-345678 SWITCH TO FRONT MODE", vm.Snapshot!.SlotMapText);
    }

    [Fact]
    public void MarksOfOneKindAtOneStepShareATick()
    {
        TimelineMark Failed(int step, int request) => new(step, step * 10, TimelineMarkKind.RequestFailed, $"request {request}: 503");

        RunOutline outline = RunOutline.Of(9, [Failed(3, 1), Failed(3, 2), new(3, 30, TimelineMarkKind.Fault, "client gone"), Failed(3, 3), Failed(5, 4)]);

        Assert.Equal([(3, TimelineMarkKind.RequestFailed, 3), (3, TimelineMarkKind.Fault, 1), (5, TimelineMarkKind.RequestFailed, 1)],
            outline.Marks.Select(m => (m.Step, m.Kind, m.Count)));
        Assert.Equal("request 1: 503 (+2 more)", outline.Marks[0].Text);
        Assert.Equal(5, outline.MarkTotal);
        Assert.Equal(4, outline.Counts[TimelineMarkKind.RequestFailed]);
    }

    [Fact]
    public void ManyMarksAreThinnedEvenlyAndARareKindKeepsItsMarks()
    {
        var marks = Enumerable.Range(0, 10_000).Select(s => new TimelineMark(s, s, TimelineMarkKind.RequestFailed, $"request {s}")).ToList();
        marks.Insert(5_001, new TimelineMark(5_000, 5_000, TimelineMarkKind.InvariantBroken, "Overlap"));

        RunOutline outline = RunOutline.Of(10_000, marks, maxMarks: 100);

        Assert.Equal(100, outline.Marks.Count);
        Assert.Single(outline.Marks, m => m.Kind == TimelineMarkKind.InvariantBroken);
        int[] failed = [.. outline.Marks.Where(m => m.Kind == TimelineMarkKind.RequestFailed).Select(m => m.Step)];
        Assert.Equal(99, failed.Length);
        Assert.Equal(0, failed[0]);
        Assert.All(failed.Zip(failed.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 101, 102)); // evenly spread over the run
        Assert.Equal(10_001, outline.MarkTotal);
    }

    [Fact]
    public void ARandomLongRunNeverCarriesMoreThanTheBoundOfTicks()
    {
        using var session = new SimulationSession("s", "owner", ScenarioCatalog.Find("random-long")!, 1);

        Assert.InRange(session.Outline.Marks.Count, 1, RunOutline.MaxMarks);
        Assert.True(session.Outline.MarkTotal >= session.Outline.Marks.Count);
    }

    public void Dispose() => _registry.Dispose();
}
