namespace BufferLab.Simulator.Engine.Systems.Keep;

public enum LimiterTicketState
{
    /// <summary>In the priority queue.</summary>
    Queued,

    /// <summary>Signalled true: the handler runs.</summary>
    Ready,

    /// <summary>Signalled false: trimmed from a full queue, or removed because its client left; 503.</summary>
    Rejected,
}
