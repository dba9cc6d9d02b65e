using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// One run of a scenario that a page or a hub connection controls: step, back, seek, play at a
/// speed (either way), pause, reset. The run keeps checkpoints within a budget, so going back or
/// jumping restores the nearest one and replays a few steps. The engine runs under a lock; viewers learn of changes through
/// <see cref="Changed"/> and read frames when they are ready, so a slow viewer never holds the
/// engine back. Play runs on the <see cref="EngineExecutor"/>'s threads, in turns shared fairly
/// with every other session that plays.
/// </summary>
public sealed partial class SimulationSession : IDisposable
{
    /// <summary>Most steps a session's run may take.</summary>
    public const int MaxSteps = 50_000;

    /// <summary>Speed bounds in steps per second; <see cref="MaxSpeed"/> means "full speed": as fast as the engine goes.</summary>
    public const double MinSpeed = 0.25, MaxSpeed = 100_000;

    /// <summary>Most events one frame carries; the rest are counted, not sent.</summary>
    public const int MaxEventsPerFrame = 200;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly Lock _gate = new();
    private readonly EngineExecutor _engine;
    private readonly Run _run; // read and changed under _gate
    private readonly StepDueTimes _due = new();
    private readonly CancellationTokenSource _closed = new();
    private CancellationTokenSource? _playing;
    private double _speed = 4;
    private bool _backward;
    private (int Events, string Hash)? _endHash;
    private IDisposable? _published;

    /// <param name="contentKey">What the scenario is made of (text and choices), for the shared <see cref="OutlineCache"/>; null probes afresh.</param>
    /// <param name="engine">Where play runs; <see cref="EngineExecutor.Shared"/> when none is given.</param>
    /// <param name="checkpoints">Memory for the run's checkpoints; <see cref="CheckpointBudget.Default"/> (64 MiB) when none is given.</param>
    /// <param name="cancel">Stops the probe (the server is stopping); the session's own runs stop when it closes.</param>
    public SimulationSession(string id, string owner, IScenario scenario, ulong seed, string? key = null, string? contentKey = null, EngineExecutor? engine = null,
        CheckpointBudget? checkpoints = null, CancellationToken cancel = default)
    {
        _engine = engine ?? EngineExecutor.Shared;
        Id = id;
        Owner = owner;
        ContentKey = contentKey;
        Scenario = scenario;
        ScenarioKey = key ?? scenario.Name;
        Seed = seed;
        // The probe runs (and is disposed) before the live run is built: the two never hold the run's memory at once.
        Outline = contentKey is null ? Probe(scenario, seed, cancel) : OutlineCache.Shared.GetOrAdd($"{contentKey}/{seed}", () => Probe(scenario, seed, cancel));
        CheckpointBudget = checkpoints ?? CheckpointBudget.Default;
        _run = new Run(scenario, seed, MaxSteps, CheckpointBudget, _closed.Token);
        LastStep = Outline.LastStep;
        Record();
    }

    public string Id { get; }

    /// <summary>Who may see and control it; changes only when a prerendered page hands its session to its circuit (<see cref="SessionRegistry.HandOver"/>).</summary>
    public string Owner { get; internal set; }

    /// <summary>What the run is made of (scenario text and choices), equal for equal workloads; null when not known.</summary>
    public string? ContentKey { get; }

    /// <summary>Handed over by a prerendered page and not yet claimed by its circuit's view (see <see cref="SessionRegistry.TakeOver"/>).</summary>
    internal bool Unclaimed { get; set; }

    /// <summary>How many pages share it (<see cref="SessionRegistry.OpenShared"/>); 0 for a session of one owner. Guarded by the registry.</summary>
    internal int Sharers { get; set; }

    public IScenario Scenario { get; }

    /// <summary>What names the scenario again in a URL: a preset's name or a library id (an op string's is "custom").</summary>
    public string ScenarioKey { get; }

    public ulong Seed { get; }

    /// <summary>The run's final step, found by running a copy to its end when the session opened.</summary>
    public int LastStep { get; }

    /// <summary>The whole run's length and timeline marks, known from the start (a copy was played to its end).</summary>
    public RunOutline Outline { get; }

    public MetricHistory History { get; } = new();

    /// <summary>How much memory the run's checkpoints may take (and the steps between them at first).</summary>
    public CheckpointBudget CheckpointBudget { get; }

    /// <summary>The run's checkpoints now: count, memory, budget and the steps between them.</summary>
    public SessionCheckpoints Checkpoints => Read(run => SessionCheckpoints.Of(run.Checkpoints));

    /// <summary>The checkpoints' memory now, read without the lock (an aligned long: never torn, at worst a step old), for the server's memory check.</summary>
    internal long CheckpointBytes => _run.Checkpoints.Bytes;

    /// <summary>The first invariant the run broke and its step, once a step reached it.</summary>
    public (int Step, InvariantViolated Violation)? Alarm { get; private set; }

    public bool IsPlaying => _playing is not null;

    /// <summary>Whether play runs toward step 0 (only while <see cref="IsPlaying"/>).</summary>
    public bool IsPlayingBackward => _playing is not null && _backward;

    public double Speed => _speed;

    /// <summary>Cancelled when the session closes; streams end with it.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Raised after every change (outside the lock). Handlers must be quick: signal, don't render.</summary>
    public event Action? Changed;

    /// <summary>Changes of this session, at most one delivery per <see cref="ChangeThrottle.Interval"/> (the hub's frame stream uses this).</summary>
    public ChangeSubscription Subscribe(Func<Task> deliver) => new(a => Changed += a, a => Changed -= a, deliver);

    /// <summary>Reads the run under the lock.</summary>
    public T Read<T>(Func<Run, T> read)
    {
        lock (_gate)
        {
            return read(_run);
        }
    }

    public void StepForward(int count = 1)
    {
        if (count is < 1 or > MaxSteps)
        {
            throw new SessionRequestException($"step count must be from 1 to {MaxSteps}, got {count}");
        }

        Pause();
        Mutate(() => GoTo((int)Math.Min((long)_run.Step + count, LastStep)));
    }

    /// <summary>
    /// The SHA-256 of the run's event log once it reached its last step (null before): the run is
    /// first driven to its end, so the log is the one the runner (`run`, or Run.RunToEnd) hashes.
    /// </summary>
    public string? EventLogSha256()
    {
        lock (_gate)
        {
            if (_run.Step < LastStep)
            {
                return null;
            }

            _run.RunToEnd(); // takes no step here; only lets the run see that it ended
            if (_endHash is not { } known || known.Events != _run.Events.Count)
            {
                _endHash = (_run.Events.Count, _run.Events.Sha256()); // the log at the end is always the same: hash it once
            }

            return _endHash.Value.Hash;
        }
    }

    public void StepBack() => Seek(Math.Max(0, Read(r => r.Step) - 1));

    /// <summary>Goes to step <paramref name="step"/> (0 .. <see cref="LastStep"/>): through the nearest checkpoint (see <see cref="GoTo"/>).</summary>
    public void Seek(int step)
    {
        if (step < 0 || step > LastStep)
        {
            throw new SessionRequestException($"step must be from 0 to {LastStep}, got {step}");
        }

        Pause();
        Mutate(() => GoTo(step));
    }

    public void Reset() => Seek(0);

    /// <summary>
    /// Goes to the last step at or before virtual time <paramref name="time"/>, so a second run of
    /// the same workload can follow a first one in lockstep on the clock (their step counts differ).
    /// </summary>
    public void SeekToTime(TimeSpan time)
    {
        Pause();
        Mutate(() =>
        {
            // A replay from step 0 stops at the first step whose next one is due after the time:
            // among the steps reached before, that step is known and restored; else the run goes
            // on from the furthest one reached, as that replay would.
            if (_due.FirstAfter(time) is { } step)
            {
                GoTo(step);
                return;
            }

            GoTo(_due.Count - 1);
            while (_run.NextDue is { } due && due <= time && _run.Step < LastStep && StepCore(1))
            {
            }
        });
    }

    public void SetSpeed(double stepsPerSecond)
    {
        if (double.IsNaN(stepsPerSecond) || stepsPerSecond < MinSpeed || stepsPerSecond > MaxSpeed)
        {
            throw new SessionRequestException($"speed must be from {MinSpeed} to {MaxSpeed} steps per second, got {stepsPerSecond}");
        }

        _speed = stepsPerSecond; // play reads it at its next turn (full speed and a pace switch there)
        Changed?.Invoke();
    }

    /// <summary>Plays toward the last step at <see cref="Speed"/>; nothing if it already plays (either way) or is at the end.</summary>
    public void Play() => Play(backward: false);

    /// <summary>Plays toward step 0 at <see cref="Speed"/>, one step back at a time (each a restore and a short replay); nothing if it already plays or is at 0.</summary>
    public void PlayBackward() => Play(backward: true);

    private void Play(bool backward)
    {
        lock (_gate)
        {
            if (_playing is not null || (backward ? _run.Step == 0 : _run.IsFinished || _run.Step >= LastStep))
            {
                return;
            }

            if (_closed.IsCancellationRequested)
            {
                throw new SessionRequestException($"session '{Id}' is closed");
            }

            // Each play owns its token source and, when it ends by itself, stops only itself, so a
            // play that is winding down can never stop the one a later Play started.
            var playing = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
            _playing = playing;
            _backward = backward;
            try
            {
                _engine.Submit(new Player(this, playing, backward)); // off the caller's thread (a Blazor circuit's, for pages)
            }
            catch (SessionRequestException)
            {
                _playing = null; // the server is stopping: nothing plays
                playing.Dispose();
                throw;
            }
        }

        Changed?.Invoke();
    }

    public void Pause() => Stop(expected: null);

    /// <summary>
    /// Stops play: whatever plays (<paramref name="expected"/> null), or only that play if it is
    /// still the current one. It is cancelled before the lock is taken, so a turn in progress
    /// stops at its next step and lets go of the lock; once this returns, play takes no step more.
    /// </summary>
    private void Stop(CancellationTokenSource? expected)
    {
        CancellationTokenSource? playing = Volatile.Read(ref _playing);
        if (playing is null || (expected is not null && playing != expected))
        {
            return;
        }

        try
        {
            playing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // that play already ended and freed it
        }

        lock (_gate)
        {
            if (_playing != playing)
            {
                return; // it ended by itself meanwhile (and said so)
            }

            _playing = null;
        }

        Changed?.Invoke();
    }

    /// <summary>A frame of the state now, with the events since <paramref name="cursor"/> (which it advances).</summary>
    public Frame BuildFrame(FrameCursor cursor)
    {
        lock (_gate)
        {
            IReadOnlyList<LoggedEvent> events = _run.Events.Events;
            int from = cursor.EventsSent;
            if (from > events.Count || cursor.Step > _run.Step)
            {
                from = _run.Events.StartOfLastStep(_run.Step); // the run went back: send the current step's events only
            }

            int count = events.Count - from;
            int omitted = Math.Max(0, count - MaxEventsPerFrame);
            var sent = new FrameEvent[count - omitted];
            for (int i = 0; i < sent.Length; i++)
            {
                sent[i] = FrameEvent.From(events[from + omitted + i]);
            }

            cursor.EventsSent = events.Count;
            cursor.Step = _run.Step;
            return new Frame(Id, _run.Step, LastStep, VirtualTime.Micros(_run.Clock.Elapsed), _playing is not null, _run.Step >= LastStep,
                sent, omitted, _run.Model.Snapshot(), _run.Model.Summary(), _run.Model.Metrics(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Publishes this session's metrics on <paramref name="meter"/> (dotnet-counters, /metrics) until it closes.</summary>
    public void PublishOn(SimulationMeter meter) =>
        _published = meter.Track(Id[..8], Scenario.System, Scenario.Name, () => Read(run => run.Model.Metrics()));

    /// <summary>Stops play and ends every stream of this session. The token source is cancelled, not disposed, so late callers get a clear "closed" instead of ObjectDisposedException.</summary>
    public void Dispose()
    {
        _published?.Dispose();
        Pause();
        _closed.Cancel();
        lock (_gate)
        {
            _run.Dispose(); // a model may hold files (the filestore's)
        }
    }

    /// <summary>The run's length and marks, found by running a copy of it to its end (runs are deterministic, so the marks of steps not reached yet are the ones it will reach).</summary>
    private static RunOutline Probe(IScenario scenario, ulong seed, CancellationToken cancel)
    {
        using var probe = new Run(scenario.ForEventLog(), seed, MaxSteps, cancel: cancel);
        probe.RunToEnd();
        return RunOutline.Of(probe.Step, probe.Events.Marks(0, int.MaxValue));
    }

    private void Mutate(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Reaches <paramref name="step"/> (under the lock): the run restores the nearest checkpoint
    /// and replays from there, taking checkpoints as it goes (on a long way forward only near the
    /// step); every step it takes is observed, so the history, the due times and the alarm see
    /// each step once, in order, the first time it is reached.
    /// </summary>
    private void GoTo(int step) => _run.SeekTo(step, () => Observe(stopAtAlarm: false));

    /// <summary>What is kept per step reached: its metrics (charts) and when the next step is due (seeks by time).</summary>
    private void Record()
    {
        if (_run.Step != _due.Count)
        {
            return; // reached before: steps are deterministic, so what was recorded then holds
        }

        History.Record(_run.Step, _run.Model.Metrics());
        _due.Record(_run.Step, _run.Step >= LastStep ? null : _run.NextDue);
    }

    /// <summary>Runs up to <paramref name="count"/> steps (under the lock); false if the run ended, or an alarm was raised and <paramref name="stopAtAlarm"/>.</summary>
    private bool StepCore(int count, bool stopAtAlarm = false)
    {
        for (int i = 0; i < count; i++)
        {
            if (!_run.StepOnce() || !Observe(stopAtAlarm))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>After a step: records it if it is new, and raises the alarm at the first broken invariant; false when that should stop play (<paramref name="stopAtAlarm"/>).</summary>
    private bool Observe(bool stopAtAlarm)
    {
        Record();
        IReadOnlyList<LoggedEvent> events = _run.Events.Events;
        for (int e = _run.Events.StartOfLastStep(_run.Step); e < events.Count; e++)
        {
            if (events[e].Event is InvariantViolated violation)
            {
                Alarm ??= (_run.Step, violation);
                return !stopAtAlarm; // an alarm stops forward play at the step that raised it (a seek goes through)
            }
        }

        return true;
    }
}
