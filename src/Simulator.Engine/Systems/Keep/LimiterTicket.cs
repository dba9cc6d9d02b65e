namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>A request as the limiter tracks it: its priority, when it queued, and the outcome of its wait.</summary>
public sealed class LimiterTicket(object owner, long priority, TimeSpan queuedAt)
{
    public object Owner { get; } = owner;

    /// <summary>0 for ordinary requests, 1 with an Origin header.</summary>
    public long Priority { get; } = priority;

    public TimeSpan QueuedAt { get; } = queuedAt;

    public LimiterTicketState State { get; internal set; } = LimiterTicketState.Queued;

    /// <summary>Whether it was queued at all (false on the fast path).</summary>
    public bool WasQueued { get; internal set; }
}
