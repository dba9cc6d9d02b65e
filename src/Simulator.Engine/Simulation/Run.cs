using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>
/// One run of a scenario with a seed: a pure function of (engine version, scenario, seed). It
/// steps one operation at a time, runs to the end, resets, and reaches any step N again: it
/// restores the nearest checkpoint at or before N (<see cref="Checkpoints"/>) and replays the few
/// steps from there, which gives the same state as replaying from the start.
/// </summary>
public sealed class Run : IDisposable
{
    /// <summary>Upper bound on the steps one run may take, whatever a scenario asks for.</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>A replay this long or longer takes a checkpoint halfway (see <see cref="SeekTo"/>).</summary>
    private const int MinReplayForHalfway = 8;

    private readonly CancellationToken _cancel;
    private RunContext _context = null!;
    private int _checkpointsFrom; // a long seek forward takes checkpoints only near its target
    private int _halfway = -1, _shortOfTarget = -1; // extra checkpoints a seek takes (see SeekTo)

    /// <param name="cancel">Stops whatever is stepping this run (run to end, seek, replay) at its next step with an <see cref="OperationCanceledException"/>: a closed session or a stopped command does not finish a long run first.</param>
    /// <param name="checkpoints">How much memory checkpoints may take; <see cref="CheckpointBudget.None"/> for a run that only goes forward.</param>
    public Run(IScenario scenario, ulong seed, int maxSteps = MaxSteps, CheckpointBudget? checkpoints = null, CancellationToken cancel = default)
    {
        _cancel = cancel;
        Checkpoints = new RunCheckpoints(checkpoints ?? CheckpointBudget.None);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSteps, MaxSteps);
        Scenario = scenario;
        Seed = seed;
        StepLimit = maxSteps;
        Reset();
    }

    /// <summary>The most steps this run will take; a scenario that would go on is cut there.</summary>
    public int StepLimit { get; }

    public IScenario Scenario { get; }

    public ulong Seed { get; }

    /// <summary>Operations executed so far; events of step k were produced by the k-th operation.</summary>
    public int Step { get; private set; }

    public bool IsFinished { get; private set; }

    public ISimulationModel Model { get; private set; } = null!;

    /// <summary>This run's checkpoints: how many, their memory, and the steps between them.</summary>
    public RunCheckpoints Checkpoints { get; }

    public EventLog Events => _context.Events;

    public VirtualClock Clock => _context.Clock;

    /// <summary>The workload's ops as they ran so far (record: write them with ScenarioText.WithTrace).</summary>
    public IReadOnlyList<TraceEntry> Trace => _context.Trace;

    /// <summary>Virtual time of the next step, if the run has one due.</summary>
    public TimeSpan? NextDue => IsFinished || Step >= StepLimit ? null : _context.Scheduler.NextDue;

    /// <summary>The actor that performed the last step.</summary>
    public string? LastActor => _context.Scheduler.LastActor;

    /// <summary>Runs the next operation; false (and nothing changes) when the run has ended.</summary>
    public bool StepOnce()
    {
        _cancel.ThrowIfCancellationRequested();
        if (IsFinished)
        {
            return false;
        }

        if (Step >= StepLimit)
        {
            IsFinished = true;
            return false;
        }

        Step++;
        if (!RunSegments())
        {
            Step--;
            IsFinished = true;
            return false;
        }

        IsFinished = Model.Failure is not null;
        NotePeak();
        if ((Step >= _checkpointsFrom && Checkpoints.Due(Step)) || Step == _halfway || Step == _shortOfTarget)
        {
            TakeCheckpoint();
        }

        return true;
    }

    /// <summary>
    /// Runs actor segments until one makes a step: it yielded, or it was an actor's last and it
    /// logged something or failed (a failure in a last segment is its own step, so a run stops at
    /// the step that shows it). A last segment that did nothing is no step. False: nothing ran.
    /// </summary>
    private bool RunSegments()
    {
        int eventsBefore = Events.Count;
        while (true)
        {
            switch (_context.Scheduler.Advance())
            {
                case SegmentOutcome.Yielded:
                    return true;
                case SegmentOutcome.Ended when Events.Count > eventsBefore || Model.Failure is not null:
                    return true;
                case SegmentOutcome.Idle:
                    return false;
            }
        }
    }

    /// <summary>What was alive when the bytes the system held first peaked (up to this step); null before anything was held.</summary>
    public AliveAtPeak? Peak { get; private set; }

    private void NotePeak()
    {
        long held = Model.HeldBytes;
        if (held > (Peak?.PeakBytes ?? 0))
        {
            Peak = new AliveAtPeak(Model.HeldMeasure, held, Step, VirtualTime.Micros(Clock.Elapsed), Model.Holdings());
        }
    }

    /// <summary>Steps until the end (or <see cref="StepLimit"/>); returns the number of steps taken.</summary>
    public int RunToEnd()
    {
        int start = Step;
        while (StepOnce())
        {
        }

        return Step - start;
    }

    /// <summary>Back to step 0: a fresh system and workload from the same scenario and seed (and no checkpoints but step 0's).</summary>
    public void Reset()
    {
        (Model as IDisposable)?.Dispose(); // a model may own real files (the filestore's)
        Step = 0;
        IsFinished = false;
        _context = new RunContext(Seed, () => Step);
        Model = Scenario.Build(_context);
        Peak = null;
        Checkpoints.Clear();
        if (Checkpoints.Budget != CheckpointBudget.None)
        {
            TakeCheckpoint();
        }
    }

    /// <summary>Frees what the model holds outside memory (files, handles, a database).</summary>
    public void Dispose() => (Model as IDisposable)?.Dispose();

    /// <summary>
    /// Reaches step <paramref name="step"/> (clamped to the end): restores the nearest checkpoint
    /// at or before it when that is back or ahead of where the run is, then steps forward. Two
    /// extra checkpoints make the next seeks short: one halfway along a replay of more than a few
    /// steps (each step back then replays half as far as the last: stepping back through an
    /// interval costs about twice its steps, not their square), and one a step short of a long
    /// seek's target (the first step back from where it landed, End included, is a restore).
    /// </summary>
    /// <param name="afterStep">Called after each step the seek takes forward (a replay's too), e.g. to record it; false stops the seek at that step.</param>
    public void SeekTo(int step, Func<bool>? afterStep = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Checkpoint? nearest = Checkpoints.AtOrBefore(step);
        bool restored = nearest is not null && (step < Step || nearest.Step > Step) && Restore(nearest);
        if (!restored && step < Step)
        {
            Reset();
        }

        int replay = step - Step;
        // Steps far short of the target are passed once; checkpoints there would cost time now
        // for seeks that may never come (a later seek there takes them as it passes).
        _checkpointsFrom = (int)Math.Max(0, (long)step - (2L * Checkpoints.Interval));
        _halfway = replay >= MinReplayForHalfway ? Step + (replay / 2) : -1;
        _shortOfTarget = replay >= Checkpoints.Interval ? step - 1 : -1;
        try
        {
            while (Step < step && StepOnce() && (afterStep?.Invoke() ?? true))
            {
            }
        }
        finally
        {
            _checkpointsFrom = 0;
            _halfway = _shortOfTarget = -1;
        }
    }

    /// <summary>The run's whole state now as a checkpoint would copy it, for <see cref="StateComparer"/> (tests prove a restored run equal to a replayed one).</summary>
    internal object State => new RunState(_context, Model, Step, IsFinished, Peak, null);

    /// <summary>What a checkpoint refers to instead of copying: the run itself, its scenario (what it was built from, never changed by it) and its logs (rewound on restore).</summary>
    private object[] SharedWithCheckpoints() => [this, Scenario, _context.Events, _context.TraceStore];

    /// <summary>Copies the run's state now into a checkpoint, unless the model cannot be copied at this step (it tries again at the next).</summary>
    private void TakeCheckpoint()
    {
        var outside = Model as IOutsideState;
        if (outside is { CanCheckpoint: false })
        {
            return;
        }

        Checkpoints.Take(new RunState(_context, Model, Step, IsFinished, Peak, outside?.CaptureOutside()), SharedWithCheckpoints(), Events.Count, _context.TraceCount);
    }

    /// <summary>Makes the run what it was at <paramref name="checkpoint"/>, from a fresh copy of it (the checkpoint stays as it was); false if its logs are not known that far.</summary>
    private bool Restore(Checkpoint checkpoint)
    {
        int events = Events.Count, trace = _context.TraceCount;
        if (!Events.MoveTo(checkpoint.Events) || !_context.MoveTrace(checkpoint.TraceEntries))
        {
            Events.MoveTo(events);
            _context.MoveTrace(trace);
            return false;
        }

        (Model as IOutsideState)?.Abandon();
        RunState state = Checkpoints.Thaw(checkpoint, SharedWithCheckpoints());
        _context = state.Context;
        Model = state.Model;
        Step = state.Step;
        IsFinished = state.IsFinished;
        Peak = state.Peak;
        (Model as IOutsideState)?.RestoreOutside(state.Outside!);
        return true;
    }
}
