using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>
/// The engine executor on a clock of its own, with the turns run here one by one: what is asserted
/// is counted in turns and steps, never in wall-clock time (speed is the load harness's business).
/// </summary>
public sealed class EngineExecutorTests : IDisposable
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(5);

    private readonly List<IDisposable> _owned = [];

    [Fact]
    public void SessionsAtFullSpeedTakeTurnsRoundRobin()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = Manual(clock);
        SimulationSession a = Session("random-long", engine), b = Session("random-long", engine);
        a.SetSpeed(SimulationSession.MaxSpeed);
        b.SetSpeed(SimulationSession.MaxSpeed);
        a.Play();
        b.Play();

        for (int round = 0; round < 5; round++)
        {
            int aBefore = StepOf(a), bBefore = StepOf(b);
            Assert.True(engine.RunNextTurn());
            Assert.True(engine.RunNextTurn());

            // Each had one turn of one slice: both moved, by a slice's worth of steps, not more.
            Assert.InRange(StepOf(a) - aBefore, 1, 5);
            Assert.InRange(StepOf(b) - bBefore, 1, 5);
        }
    }

    [Fact]
    public void WithMoreSessionsThanFitInARoundTurnsGetShorter()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = EngineExecutor.Manual(Slice, clock, round: TimeSpan.FromMilliseconds(8));
        _owned.Add(engine);
        SimulationSession[] sessions = [.. Enumerable.Range(0, 4).Select(_ => Session("random-long", engine))];
        foreach (SimulationSession session in sessions)
        {
            session.SetSpeed(SimulationSession.MaxSpeed);
            session.Play();
        }

        int[] before = [.. sessions.Select(StepOf)];
        for (int turn = 0; turn < sessions.Length; turn++)
        {
            Assert.True(engine.RunNextTurn());
        }

        // Four waiting for a round of 8 ms: turns of 2 ms (two readings of the clock), not the 5 ms slice.
        Assert.All(sessions.Select((s, i) => StepOf(s) - before[i]), moved => Assert.InRange(moved, 1, 2));
    }

    [Fact]
    public void APacedSessionKeepsItsPaceBesideOneAtFullSpeed()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = Manual(clock);
        SimulationSession fast = Session("random-long", engine), paced = Session("random-long", engine);
        fast.SetSpeed(SimulationSession.MaxSpeed);
        paced.SetSpeed(100); // one step per 10 ms tick of the clock
        fast.Play();
        paced.Play();

        var start = clock.GetTimestamp();
        for (int turn = 0; turn < 300 && fast.IsPlaying; turn++)
        {
            Assert.True(engine.RunNextTurn());
        }

        // The full-speed session had most turns, yet the paced one got every tick that came due
        // while the other played (a tick owes one step at this speed, and a late tick is not made up).
        double ticks = (clock.GetTimestamp() - start) / 10.0;
        Assert.True(StepOf(fast) > StepOf(paced));
        Assert.InRange(StepOf(paced), ticks * 0.8, ticks + 1);
    }

    [Fact]
    public void APauseInTheMiddleOfATurnStopsItBeforeTheNextStep()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = Manual(TimeSpan.FromMilliseconds(50), clock); // turns long enough that a pause lands inside one
        SimulationSession session = Session("random-long", engine);
        session.SetSpeed(SimulationSession.MaxSpeed);
        session.Play();
        Assert.True(engine.RunNextTurn());
        int? pausedAt = null;
        int reads = 0;
        clock.OnRead = () =>
        {
            if (++reads == 10 && pausedAt is null)
            {
                pausedAt = StepOf(session); // on the engine thread, holding the session's lock (it is re-entrant)
                session.Pause();
            }
        };

        while (engine.RunNextTurn())
        {
        }

        Assert.NotNull(pausedAt);
        Assert.Equal(pausedAt, StepOf(session)); // not one step after the pause, whatever the slice
        Assert.False(session.IsPlaying);
        Assert.Equal(0, engine.Jobs);
    }

    [Fact]
    public void AfterPauseReturnsPlayTakesNoStepMore()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = Manual(clock);
        SimulationSession session = Session("random-long", engine);
        session.SetSpeed(SimulationSession.MaxSpeed);
        session.Play();
        engine.RunNextTurn();
        engine.RunNextTurn();

        session.Pause();
        int paused = StepOf(session);
        while (engine.RunNextTurn())
        {
        }

        Assert.Equal(paused, StepOf(session));
        Assert.Equal(0, engine.Jobs);
    }

    [Theory]
    [InlineData(false, 100, 0, 201)] // waiting for its next tick (the clock stands still: only the close can wake it); one tick, one step
    [InlineData(false, SimulationSession.MaxSpeed, 1, 202)] // queued for its next turn; two turns of one step (a slice is one reading)
    [InlineData(true, 1000, 1, 199)] // backward: one step back (a slice is one reading), then the close
    public void ClosingASessionEndsItsPlayAtItsNextTurn(bool backward, double speed, long ticksPerRead, int stepAtClose)
    {
        var clock = new SteppingClock(ticksPerRead);
        EngineExecutor engine = Manual(TimeSpan.FromMilliseconds(1), clock);
        SimulationSession session = Session("random-long", engine);
        session.Seek(200);
        session.SetSpeed(speed);
        if (backward)
        {
            session.PlayBackward();
        }
        else
        {
            session.Play();
        }

        engine.RunNextTurn(); // play started (paced and backward: the first tick is set)
        clock.Advance(TimeSpan.FromMilliseconds(15));
        engine.RunNextTurn(); // a tick's step, a slice at full speed, or (backward) a slice's step back
        int step = StepOf(session);
        Assert.Equal(1, engine.Jobs);

        session.Dispose();

        Assert.True(engine.RunNextTurn()); // its last turn, due at once
        Assert.Equal(0, engine.Jobs);
        Assert.False(engine.RunNextTurn());
        Assert.False(session.IsPlaying);
        Assert.Equal(step, StepOf(session));
        Assert.Equal(stepAtClose, step);
    }

    [Fact]
    public void BackwardPlayStepsBackInSlicesToStepZero()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = Manual(TimeSpan.FromMilliseconds(3), clock);
        SimulationSession session = Session("random-long", engine);
        session.Seek(100);
        session.SetSpeed(1000); // ten steps back a tick, each restoring a checkpoint and replaying from it
        session.PlayBackward();

        int turns = 0;
        for (int call = 0; call < 100_000 && engine.Jobs > 0; call++)
        {
            turns += engine.RunNextTurn() ? 1 : 0; // a call with no turn due still moves the clock (it reads it)
        }

        Assert.Equal(0, StepOf(session));
        Assert.False(session.IsPlaying);
        Assert.True(turns > 30); // a hundred steps back took many short turns, not one long one
    }

    [Fact]
    public void AJobThatThrowsEndsAndTheOthersGoOn()
    {
        EngineExecutor engine = Manual(new SteppingClock());
        var failing = new ScriptedJob(() => throw new InvalidOperationException("boom"));
        int turns = 0;
        var working = new ScriptedJob(() => ++turns < 3 ? EngineTurn.Again : EngineTurn.Done);
        engine.Submit(failing);
        engine.Submit(working);

        while (engine.RunNextTurn())
        {
        }

        Assert.True(failing.Ended);
        Assert.True(working.Ended);
        Assert.Equal(3, turns);
        Assert.Equal(0, engine.Jobs);
    }

    [Fact]
    public void DisposingTheExecutorEndsTheJobsLeft()
    {
        var clock = new SteppingClock(ticksPerRead: 0);
        EngineExecutor engine = Manual(clock);
        var waiting = new ScriptedJob(() => EngineTurn.At(clock.GetTimestamp() + 1_000));
        var queued = new ScriptedJob(() => EngineTurn.Again);
        engine.Submit(waiting);
        engine.Submit(queued);
        engine.RunNextTurn();

        engine.Dispose();

        Assert.True(waiting.Ended);
        Assert.True(queued.Ended);
        Assert.Throws<SessionRequestException>(() => engine.Submit(new ScriptedJob(() => EngineTurn.Done)));
    }

    [Fact]
    public void TheDefaultLeavesACoreForRequests()
    {
        var options = new EngineOptions();
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), options.WorkerCount);
        Assert.Equal(3, (options with { Workers = 3 }).WorkerCount);
        Assert.InRange(options.Slice, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10));
    }

    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }
    }

    private EngineExecutor Manual(SteppingClock clock) => Manual(Slice, clock);

    private EngineExecutor Manual(TimeSpan slice, SteppingClock clock)
    {
        EngineExecutor engine = EngineExecutor.Manual(slice, clock);
        _owned.Add(engine);
        return engine;
    }

    private SimulationSession Session(string preset, EngineExecutor engine)
    {
        var session = new SimulationSession(Guid.NewGuid().ToString("N"), "owner", ScenarioCatalog.Find(preset)!, 1, engine: engine);
        _owned.Insert(0, session); // closed before the executor
        return session;
    }

    private static int StepOf(SimulationSession session) => session.Read(r => r.Step);
}
