using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

/// <summary>Jump to a typed step (checked), play backwards, and the paused view.</summary>
public sealed class JumpAndPlayBackwardTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Theory]
    [InlineData("12", 12, "9a3456-- FRONT MODE")]
    [InlineData(" 3 ", 3, null)]
    [InlineData("end", 14, "9a3456bc BACK MODE")]
    [InlineData("0", 0, "-------- BACK MODE")]
    public void JumpingToAValidStepGoesThere(string typed, int step, string? slotMap)
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "5"));

        Assert.True(vm.JumpTo(typed));

        Assert.Equal(step, vm.Step);
        Assert.Null(vm.JumpError);
        if (slotMap is not null)
        {
            Assert.Equal(slotMap, vm.Snapshot!.SlotMapText);
        }
    }

    [Theory]
    [InlineData("15", "'15' is not a step from 0 to 14; still at step 5.")]
    [InlineData("-1", "'-1' is not a step from 0 to 14; still at step 5.")]
    [InlineData("abc", "'abc' is not a step from 0 to 14; still at step 5.")]
    [InlineData("3.5", "'3.5' is not a step from 0 to 14; still at step 5.")]
    [InlineData("", "Type a step from 0 to 14.")]
    [InlineData("99999999999", "'99999999999' is not a step from 0 to 14; still at step 5.")]
    public void AnOutOfRangeOrBadStepSaysWhyAndChangesNothing(string typed, string error)
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "5"));
        string before = vm.Snapshot!.SlotMapText;

        Assert.False(vm.JumpTo(typed));

        Assert.Equal(error, vm.JumpError);
        Assert.Equal(5, vm.Step);
        Assert.Equal(before, vm.Snapshot!.SlotMapText);
        Assert.True(vm.JumpTo("6"));
        Assert.Null(vm.JumpError); // a good step clears the message
    }

    [Fact]
    public async Task PlayingBackwardReachesStepZeroAndStops()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "end"));
        vm.SetSpeed(256);

        vm.PlayBackward();
        Assert.True(vm.Playing);
        Assert.True(vm.PlayingBackward);

        await TimeTravelPages.UntilAsync(vm, () => !vm.Playing);
        Assert.Equal(0, vm.Step);
        Assert.Equal("-------- BACK MODE", vm.Snapshot!.SlotMapText);
        Assert.Null(vm.Paused); // it reached its end: not a paused view
    }

    [Fact]
    public async Task PlayingBackwardReplaysThroughAnAlarmInsteadOfStoppingAtIt()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "bug-b3-duplicate-index"), ("step", "end"));
        Assert.True(vm.LastStep > 12); // the duplicate index is raised at step 12, before the end
        vm.SetSpeed(SimulationSession.MaxSpeed);

        vm.PlayBackward();
        // At full speed a short run may be back at step 0 before this line: playing, or already there.
        Assert.True(vm.PlayingBackward || vm.Step == 0, $"at step {vm.Step}: {string.Join("; ", vm.Notices)}");

        await TimeTravelPages.UntilAsync(vm, () => !vm.Playing);
        Assert.Equal(0, vm.Step); // through the alarm at step 12, not stopped at it
    }

    [Fact]
    public async Task ALongRunPlaysBackwardStepByStepNoFasterThanTheChosenSpeed()
    {
        using var session = new SimulationSession("s", "owner", ScenarioCatalog.Find("random-long")!, 1);
        session.Seek(session.LastStep);
        session.SetSpeed(5_000);
        int frames = 0;
        session.Changed += () => Interlocked.Increment(ref frames);
        var started = DateTime.UtcNow;

        session.PlayBackward();
        await Task.Delay(2_000);
        session.Pause();

        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        int moved = session.LastStep - session.Read(r => r.Step);
        // Each step back restores a checkpoint at most 32 steps before it and replays from there:
        // far quicker than a replay from step 0, so play moves well past its first tick's 50 steps,
        // a slice at a time, and never faster than the speed allows.
        Assert.InRange(moved, 51, (5_000 * seconds) + 50);
        Assert.InRange(frames, 2, (100 * seconds) + 2); // at most one slice per 10 ms tick
    }

    [Fact]
    public async Task PlayBackwardWhilePlayingForwardTurnsAround()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "random"), ("seed", "5"));
        vm.SetSpeed(256);
        vm.TogglePlay();
        await TimeTravelPages.UntilAsync(vm, () => vm.Step >= 40);

        vm.PlayBackward();
        Assert.True(vm.PlayingBackward);
        int turned = vm.Step;
        await TimeTravelPages.UntilAsync(vm, () => vm.Step < turned - 5);
        vm.PlayOrPause();
        Assert.False(vm.Playing);
        Assert.True(vm.ResumesBackward);
        Assert.Equal(vm.Step, vm.Paused!.AtStep);
    }

    [Fact]
    public async Task WhilePlayingBackwardViewersReadAndAPauseAnswersAtOnce()
    {
        using var session = new SimulationSession("s", "owner", new ScenarioRequest("keep-job-start-herd").With("mode", "current").Resolve().Scenario, 1);
        session.Seek(session.LastStep);
        session.SetSpeed(5_000);

        session.PlayBackward();
        await Task.Delay(200); // steps back under way, each a restore and a replay of up to 32 keepstore steps

        var watch = System.Diagnostics.Stopwatch.StartNew();
        int shown = session.Read(r => r.Step);
        Assert.True(shown < session.LastStep);
        session.Pause();
        shown = session.Read(r => r.Step);
        // not a speed test: a pause waits for at most the one step back under way
        Assert.True(watch.ElapsedMilliseconds < 500, $"reading and pausing took {watch.ElapsedMilliseconds} ms");
        Assert.False(session.IsPlaying);
        await Task.Delay(200);
        Assert.Equal(shown, session.Read(r => r.Step)); // nothing moves after the pause
    }

    [Fact]
    public void PlayBackwardFromStepZeroStartsAtTheEndAndPressingItAgainPauses()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"));
        vm.SetSpeed(1);

        vm.PlayBackward();
        Assert.Equal(14, vm.Step);
        Assert.True(vm.PlayingBackward);

        vm.PlayBackward();
        Assert.False(vm.Playing);
        Assert.NotNull(vm.Paused);
        Assert.True(vm.ResumesBackward);
    }

    [Fact]
    public async Task PausingWhilePlayingShowsThePausedViewAndResumingContinuesFromIt()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "random"), ("seed", "5"));
        vm.SetSpeed(256);
        vm.TogglePlay();
        await TimeTravelPages.UntilAsync(vm, () => vm.Step >= 20);

        vm.TogglePlay(); // pause
        int at = vm.Step;
        Assert.InRange(at, 1, vm.LastStep - 1);
        Assert.Equal(new PausedView(at, at, vm.VirtualMs), vm.Paused);
        Assert.Equal(at, vm.Session!.History.Count - 1); // every step shown is kept for the charts

        vm.SeekTo(at / 2); // stepping around while paused: still paused, and the charts keep the range shown
        Assert.Equal(at / 2, vm.Step);
        Assert.Equal(at, vm.Paused!.UpToStep);
        Assert.Equal(at, vm.Session.History.Count - 1); // going back loses nothing recorded

        vm.SeekTo(at + 1);
        Assert.Equal(at + 1, vm.Paused!.UpToStep); // the range grows to what is shown

        vm.PlayOrPause(); // resume
        Assert.True(vm.Playing);
        Assert.Null(vm.Paused);
        vm.PlayOrPause();
        Assert.True(vm.Step >= at + 1);
    }

    [Fact]
    public async Task PlayInterruptedByAControlIsAPausedViewButPlayReachingItsEndIsNot()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "random"), ("seed", "5"));
        vm.SetSpeed(500);
        vm.TogglePlay();
        await TimeTravelPages.UntilAsync(vm, () => vm.Step > 0); // the page syncs while it plays (however loaded the machine)

        vm.StepBack(); // pauses play, then steps
        Assert.False(vm.Playing);
        Assert.NotNull(vm.Paused);
        Assert.False(vm.ResumesBackward);

        vm.Reset(); // back at the start: a fresh view
        Assert.Null(vm.Paused);

        using var short1 = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"));
        short1.SetSpeed(SimulationSession.MaxSpeed);
        short1.TogglePlay();
        // Waits for the end, not merely for "not playing": a sync can come before the play loop's first tick.
        await TimeTravelPages.UntilAsync(short1, () => !short1.Playing && short1.Step == short1.LastStep);
        Assert.Equal(14, short1.Step);
        Assert.Null(short1.Paused);
    }

    public void Dispose() => _registry.Dispose();
}
