using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>What a scenario's model and actors may use: virtual time, seeded randomness, the scheduler and the log.</summary>
public sealed class RunContext
{
    private readonly Func<int> _currentStep;
    private readonly RewindableLog<TraceEntry> _trace = new();

    internal RunContext(ulong seed, Func<int> currentStep)
    {
        _currentStep = currentStep;
        Random = new SeededRandom(seed);
        Scheduler = new Scheduler(Clock, Random.Fork("scheduler"));
    }

    public VirtualClock Clock { get; } = new();

    /// <summary>The root stream; fork a named stream per use (<see cref="SeededRandom.Fork"/>).</summary>
    public SeededRandom Random { get; }

    public Scheduler Scheduler { get; }

    public EventLog Events { get; } = new();

    /// <summary>The workload's ops as they ran, for record and replay.</summary>
    public IReadOnlyList<TraceEntry> Trace => _trace;

    /// <summary>The trace itself, which checkpoints share (a restore rewinds it).</summary>
    internal object TraceStore => _trace;

    internal int TraceCount => _trace.Count;

    internal bool MoveTrace(int count) => _trace.MoveTo(count);

    /// <summary>Records that <paramref name="actor"/> performs <paramref name="op"/> now.</summary>
    public void Record(string actor, string op)
    {
        if (_trace.Count < WorkloadTrace.MaxEntries)
        {
            _trace.Append(new TraceEntry(Clock.Elapsed, actor, op));
        }
    }

    /// <summary>Logs an event stamped with the current step and virtual time.</summary>
    public void Emit(SimEvent simEvent) => Events.Append(_currentStep(), Clock.Elapsed, simEvent);
}
