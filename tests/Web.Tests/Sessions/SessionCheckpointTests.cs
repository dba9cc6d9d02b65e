using System.Text.Json;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.Extensions.Configuration;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>A session's time travel through checkpoints: restores equal replays, backward play visits every step, pause, the budget and its report.</summary>
public sealed class SessionCheckpointTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private SimulationSession Session(string preset, EngineExecutor? engine = null, CheckpointBudget? budget = null)
    {
        var session = new SimulationSession(Guid.NewGuid().ToString("N"), "owner", ScenarioCatalog.Find(preset)!, 1, engine: engine, checkpoints: budget);
        _owned.Insert(0, session); // closed before an executor
        return session;
    }

    /// <summary>What a run shows at its step: the step, the event log's hash and length, the clock, the model's snapshot and metrics.</summary>
    private static string StateOf(Run run) => LoggedStateOf(run) + " "
        + JsonSerializer.Serialize(run.Model.Snapshot(), run.Model.Snapshot().GetType()) + " "
        + string.Join(",", run.Model.Metrics().Select(m => $"{m.Name}={m.Value}"));

    /// <summary>
    /// What a run logged up to its step. The filestore's snapshot also shows the latencies it
    /// measured on the real disk, which any run (a replay too) measures afresh: only the log is
    /// the same from run to run.
    /// </summary>
    private static string LoggedStateOf(Run run) => $"{run.Step} {run.Events.Count} {run.Events.Sha256()} {run.Clock.Elapsed.Ticks}";

    private static string Replayed(string preset, int step, bool whole = true)
    {
        using var replay = new Run(ScenarioCatalog.Find(preset)!, 1, SimulationSession.MaxSteps);
        while (replay.Step < step && replay.StepOnce())
        {
        }

        return whole ? StateOf(replay) : LoggedStateOf(replay);
    }

    [Theory]
    [InlineData("random-long", true)]
    [InlineData("filestore-seed-repro", false)] // real files, put back on restore; latencies measured afresh
    public void BackFromTheEndIsARestoreThatEqualsAReplayAndForwardAgainEndsTheSame(string preset, bool whole)
    {
        Func<Run, string> state = whole ? StateOf : LoggedStateOf;
        SimulationSession session = Session(preset);
        session.Seek(session.LastStep);
        string hashAtEnd = session.EventLogSha256()!;
        int checkpoints = session.Checkpoints.Count;
        Assert.True(checkpoints > 1, "the way to the end took checkpoints");

        session.StepBack();

        Assert.Equal(Replayed(preset, session.LastStep - 1, whole), session.Read(state));
        Assert.Equal(checkpoints, session.Checkpoints.Count); // restored, not reset (a reset drops the checkpoints)

        session.Seek(session.LastStep / 3);
        Assert.Equal(Replayed(preset, session.LastStep / 3, whole), session.Read(state));

        session.Seek(session.LastStep);
        Assert.Equal(hashAtEnd, session.EventLogSha256());
        Assert.Equal(session.LastStep + 1, session.History.Count);
    }

    [Fact]
    public void HistoryAndAlarmStayRightWhenTheRunGoesBackAndForwardAgain()
    {
        SimulationSession session = Session("bug-b3-duplicate-index");
        SimulationSession stepped = Session("bug-b3-duplicate-index");
        session.Seek(session.LastStep); // a jump: every step is still seen once
        Assert.Equal(12, session.Alarm?.Step);

        session.Seek(3);
        session.StepBack();
        session.Seek(session.LastStep - 1);
        session.Seek(session.LastStep);
        while (stepped.Read(r => r.Step) < stepped.LastStep)
        {
            stepped.StepForward();
        }

        Assert.Equal(12, session.Alarm?.Step);
        Assert.Equal(InvariantKind.DuplicateIndex, session.Alarm!.Value.Violation.Kind);
        Assert.Equal(stepped.History.Count, session.History.Count);
        foreach (string name in stepped.History.Names)
        {
            Assert.Equal(stepped.History.Series(name, stepped.LastStep), session.History.Series(name, session.LastStep));
        }
    }

    [Fact]
    public void SeekToTimeLandsWhereAReplayFromStepZeroStopsBackAndForth()
    {
        SimulationSession session = Session("keep-zipf");
        foreach (int ms in new[] { 900, 300, 650, 20, 900, 1200, 5 })
        {
            var time = TimeSpan.FromMilliseconds(ms);
            session.SeekToTime(time);

            using var replay = new Run(session.Scenario, 1, SimulationSession.MaxSteps);
            while (replay.NextDue is { } due && due <= time && replay.Step < session.LastStep && replay.StepOnce())
            {
            }

            Assert.Equal((replay.Step, replay.Events.Count), session.Read(r => (r.Step, r.Events.Count)));
        }
    }

    [Fact]
    public void BackwardPlayVisitsEveryStepInOrderAtASlowSpeed()
    {
        var clock = new SteppingClock(ticksPerRead: 0);
        EngineExecutor engine = EngineExecutor.Manual(TimeSpan.FromMilliseconds(5), clock);
        _owned.Add(engine);
        SimulationSession session = Session("random-long", engine);
        session.Seek(150); // past four checkpoints: steps back restore them
        session.SetSpeed(100); // one step per 10 ms tick
        var shown = new List<int>();
        session.Changed += () => shown.Add(session.Read(r => r.Step));

        session.PlayBackward();
        for (int tick = 0; tick < 1_000 && engine.Jobs > 0; tick++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            while (engine.RunNextTurn())
            {
            }
        }

        Assert.Equal(0, session.Read(r => r.Step));
        Assert.False(session.IsPlaying);
        int[] visited = [.. shown.Distinct()];
        Assert.Equal(Enumerable.Range(0, 151).Reverse(), visited); // 150 (play began), 149, ..., 0: no jump
        Assert.Equal(Replayed("random-long", 0), session.Read(StateOf));
    }

    [Fact]
    public void BackwardPlayAtFullSpeedReachesStepZeroWithoutSkipping()
    {
        var clock = new SteppingClock();
        EngineExecutor engine = EngineExecutor.Manual(TimeSpan.FromMilliseconds(3), clock);
        _owned.Add(engine);
        SimulationSession session = Session("random-long", engine);
        session.Seek(300);
        session.SetSpeed(SimulationSession.MaxSpeed);
        var shown = new List<int>();
        session.Changed += () => shown.Add(session.Read(r => r.Step));

        session.PlayBackward();
        for (int call = 0; call < 100_000 && engine.Jobs > 0; call++)
        {
            engine.RunNextTurn();
        }

        Assert.Equal(0, session.Read(r => r.Step));
        Assert.True(shown.Count > 10, $"{shown.Count} frames"); // in slices, not one turn
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PauseStopsWithinOneStepOfTheStepReadBeforeIt(bool backward)
    {
        SimulationSession session = Session("keep-zipf");
        session.Seek(backward ? session.LastStep : 0);
        session.SetSpeed(256);
        if (backward)
        {
            session.PlayBackward();
        }
        else
        {
            session.Play();
        }

        await Task.Delay(400);
        int before = session.Read(r => r.Step);
        session.Pause();
        int after = session.Read(r => r.Step);

        Assert.InRange(Math.Abs(after - before), 0, 1); // a step already under way ends; none starts
        Assert.False(session.IsPlaying);
        await Task.Delay(100);
        Assert.Equal(after, session.Read(r => r.Step));
        Assert.NotEqual(backward ? session.LastStep : 0, after); // it did play
    }

    [Fact]
    public void CheckpointsStayWithinTheirBudgetAndAreReported()
    {
        var budget = new CheckpointBudget(1L << 20, 32);
        SimulationSession session = Session("keep-zipf", budget: budget);
        session.Seek(session.LastStep);

        SessionCheckpoints checkpoints = session.Checkpoints;
        Assert.True(checkpoints.Count > 1);
        Assert.InRange(checkpoints.Bytes, 1, budget.Bytes);
        Assert.Equal(budget.Bytes, checkpoints.BudgetBytes);
        Assert.True(checkpoints.Interval > 32, $"interval {checkpoints.Interval}: 1 MiB cannot hold keep-zipf every 32 steps, so it was thinned");

        session.StepBack(); // within budget, going back still works
        Assert.Equal(session.LastStep - 1, session.Read(r => r.Step));
    }

    [Fact]
    public void AZeroBudgetKeepsNoCheckpointsAndGoesBackByReplaying()
    {
        SimulationSession session = Session("readme-case3", budget: new CheckpointOptions { BudgetMiB = 0 }.Budget);
        session.Seek(session.LastStep);
        session.StepBack();

        Assert.Equal(session.LastStep - 1, session.Read(r => r.Step));
        Assert.Equal(0, session.Checkpoints.BudgetBytes);
        Assert.Equal(Replayed("readme-case3", session.LastStep - 1), session.Read(StateOf));
    }

    [Theory]
    [InlineData(null, 128)]
    [InlineData("0", 0)]
    [InlineData(" 128 ", 128)]
    [InlineData("1024", 1024)]
    public void TheBudgetIsReadFromConfiguration(string? text, int mib)
    {
        CheckpointOptions options = CheckpointOptions.From(Configuration(text));

        Assert.Equal(mib, options.BudgetMiB);
        Assert.Equal((long)mib << 20, options.Budget.Bytes);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1025")]
    [InlineData("64MiB")]
    [InlineData("1.5")]
    public void ABadBudgetIsRefusedSayingWhatItTakes(string text)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CheckpointOptions.From(Configuration(text)));

        Assert.Contains($"BufferLab:Checkpoints:BudgetMiB is '{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("to 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDashboardDoesNotStartWithABadBudget()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DashboardApp.Build(["--BufferLab:Checkpoints:BudgetMiB=4096"]));

        Assert.Contains("BufferLab:Checkpoints:BudgetMiB is '4096'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static IConfiguration Configuration(string? budgetMiB) =>
        new ConfigurationBuilder().AddInMemoryCollection(budgetMiB is null ? [] : [new(CheckpointOptions.Section + ":BudgetMiB", budgetMiB)]).Build();
}
