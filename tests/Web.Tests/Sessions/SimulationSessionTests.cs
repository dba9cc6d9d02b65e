using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

public sealed class SimulationSessionTests
{
    private static SimulationSession Session(string preset, ulong seed = 1) => new("s", "owner", ScenarioCatalog.Find(preset)!, seed);

    [Fact]
    public void FramesCarryOnlyTheEventsSinceThePreviousFrame()
    {
        using var session = Session("readme-case3");
        var cursor = new FrameCursor();
        Assert.Empty(session.BuildFrame(cursor).Events);

        session.StepForward(2);
        var frame = session.BuildFrame(cursor);
        Assert.Equal(2, frame.Step);
        Assert.Equal([1, 1, 2, 2], frame.Events.Select(e => e.Step));
        Assert.Equal("OpApplied", frame.Events[0].Name);

        Assert.Empty(session.BuildFrame(cursor).Events);
    }

    [Fact]
    public void AfterSteppingBackAFrameCarriesTheCurrentStepsEvents()
    {
        using var session = Session("readme-case3");
        var cursor = new FrameCursor();
        session.StepForward(10);
        session.BuildFrame(cursor);

        session.StepBack();
        var frame = session.BuildFrame(cursor);

        Assert.Equal(9, frame.Step);
        Assert.All(frame.Events, e => Assert.Equal(9, e.Step));
        Assert.Equal("--345678 BACK MODE", ((Sv2Snapshot)frame.Snapshot).SlotMapText);
    }

    [Fact]
    public void AFrameCarriesAtMostABoundedNumberOfEvents()
    {
        using var session = Session("random", 3);
        var cursor = new FrameCursor();
        session.Seek(session.LastStep);

        var frame = session.BuildFrame(cursor);

        Assert.Equal(SimulationSession.MaxEventsPerFrame, frame.Events.Count);
        Assert.True(frame.EventsOmitted > 0);
        Assert.Equal(session.LastStep, frame.Events[^1].Step);
    }

    [Fact]
    public async Task PlayRunsToTheEndAndStops()
    {
        using var session = Session("readme-case3");
        session.SetSpeed(SimulationSession.MaxSpeed);
        var stopped = new TaskCompletionSource();
        session.Changed += () => { if (!session.IsPlaying && session.Read(r => r.Step) == session.LastStep) { stopped.TrySetResult(); } };

        session.Play();

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(session.IsPlaying);
    }

    [Fact]
    public async Task AnAlarmStopsPlayAtTheStepThatRaisedIt()
    {
        using var session = Session("bug-b3-duplicate-index");
        session.SetSpeed(SimulationSession.MaxSpeed);
        var stopped = new TaskCompletionSource();
        session.Changed += () => { if (!session.IsPlaying && session.Alarm is not null) { stopped.TrySetResult(); } };

        session.Play();

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(12, session.Alarm!.Value.Step);
        Assert.Equal(InvariantKind.DuplicateIndex, session.Alarm.Value.Violation.Kind);
        Assert.Equal(12, session.Read(r => r.Step));
    }

    [Fact]
    public async Task SwitchingToFullSpeedWhilePlayingKeepsPlayingToTheEnd()
    {
        using var session = Session("random-long", 1);
        var finished = new TaskCompletionSource();
        session.Play();
        session.SetSpeed(SimulationSession.MaxSpeed); // restarts play in the other loop
        session.Changed += () => { if (!session.IsPlaying) { finished.TrySetResult(); } };
        if (!session.IsPlaying)
        {
            finished.TrySetResult(); // it may have ended before the handler was attached
        }

        await finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(session.LastStep, session.Read(r => r.Step)); // stopped because it ended, not cut short
    }

    [Fact]
    public void AClosedSessionRefusesToPlay()
    {
        var session = Session("readme-case3");
        session.Dispose();

        var error = Assert.Throws<SessionRequestException>(session.Play);
        Assert.Contains("is closed", error.Message, StringComparison.Ordinal);
        Assert.True(session.Closed.IsCancellationRequested);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SimulationSession.MaxSteps + 1)]
    public void StepCountsAreBounded(int count)
    {
        using var session = Session("readme-case3");
        var error = Assert.Throws<SessionRequestException>(() => session.StepForward(count));
        Assert.Contains("step count must be from 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(1e9)]
    public void SpeedsAreBounded(double speed)
    {
        using var session = Session("readme-case3");
        Assert.Throws<SessionRequestException>(() => session.SetSpeed(speed));
        Assert.Equal(4, session.Speed);
    }

    [Fact]
    public void SeekToTimeStopsAtTheLastStepNotAfterThatTimeForwardAndBack()
    {
        using SimulationSession session = Session("keep-zipf");
        session.SeekToTime(TimeSpan.FromMilliseconds(500));
        (int step, TimeSpan time, TimeSpan? next) = session.Read(r => (r.Step, r.Clock.Elapsed, r.NextDue));

        Assert.True(step > 0);
        Assert.True(time <= TimeSpan.FromMilliseconds(500));
        Assert.True(next > TimeSpan.FromMilliseconds(500));

        session.SeekToTime(TimeSpan.FromMilliseconds(100));
        Assert.True(session.Read(r => r.Step) < step);
        Assert.True(session.Read(r => r.Clock.Elapsed) <= TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void HistoryRecordsEachStepOnceAcrossReplays()
    {
        using var session = Session("readme-case1");
        session.Seek(10);
        session.Seek(3);
        session.Seek(10);

        Assert.Equal(11, session.History.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8], session.History.Series("sv2.messages.pool", 10));
    }
}
