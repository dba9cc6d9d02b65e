using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>One client request and its handler's progress: what it asks for, its lane of phases, and what it got.</summary>
public sealed class KeepRequest(int id, string method, KeepLocator locator, long priority, TimeSpan arrival)
{
    private readonly List<LaneSegment> _segments = [];

    public int Id { get; } = id;

    /// <summary>GET or PUT.</summary>
    public string Method { get; } = method;

    public KeepLocator Locator { get; } = locator;

    public long Priority { get; } = priority;

    public TimeSpan Arrival { get; } = arrival;

    /// <summary>PUT: the body the client sends (its length may differ from the locator's size, for the 400 and 413 cases).</summary>
    public byte[]? Body { get; init; }

    /// <summary>The storage classes a PUT asks for (X-Keep-Storage-Classes); none means any.</summary>
    public IReadOnlyList<string> StorageClasses { get; init; } = [];

    public RequestPhase Phase { get; private set; } = RequestPhase.Arrived;

    public IReadOnlyList<LaneSegment> Segments => _segments;

    public int? Status { get; private set; }

    public bool Truncated { get; private set; }

    /// <summary>What went wrong, for a failed or truncated response.</summary>
    public string? Error { get; private set; }

    public bool Disconnected { get; internal set; }

    public long BytesDelivered { get; internal set; }

    /// <summary>When the client will have received everything sent so far (the writer goroutine's progress).</summary>
    public TimeSpan DeliveredUntil { get; internal set; }

    /// <summary>The #10541 fetch this request started or shared.</summary>
    public int? Fetch { get; internal set; }

    /// <summary>#10541: the shared buffer this request holds a reference to, from acquiring it until it releases it.</summary>
    internal SharedBuffer? SharedBuffer { get; set; }

    /// <summary>It got its bytes from a fetch or Ready buffer another request paid for.</summary>
    public bool Shared { get; internal set; }

    internal ActorHandle? Actor { get; set; }

    internal LimiterTicket? Ticket { get; set; }

    internal bool Admitted { get; set; }

    public bool IsDone => Status is not null;

    internal void Enter(RequestPhase phase, TimeSpan now)
    {
        long at = VirtualTime.Micros(now);
        if (_segments.Count > 0 && _segments[^1].EndUs is null)
        {
            _segments[^1] = _segments[^1] with { EndUs = at };
        }

        Phase = phase;
        if (phase != RequestPhase.Done)
        {
            _segments.Add(new LaneSegment(phase.ToString(), at, null));
        }
    }

    internal void End(int status, bool truncated, string? error, TimeSpan now)
    {
        Status = status;
        Error = error;
        Truncated = truncated;
        Enter(RequestPhase.Done, now);
    }

    public KeepRequestView View() =>
        new(Id, Method, Locator.Hash, Phase.ToString(), Status, Truncated, Error, BytesDelivered, Fetch, Shared, [.. _segments]);
}
