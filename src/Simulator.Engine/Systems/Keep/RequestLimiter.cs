namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors sdk/go/httpserver/request_limiter.go as keepstore uses it (the "api" queue): up to
/// MaxConcurrent handlers run; the rest wait in a queue ordered by priority (high first), then
/// arrival (oldest first). While the queue is longer than MaxQueue its single worst entry (lowest
/// priority, newest among equals) is answered 503. When a handler finishes, queued requests start
/// by priority while there is room. MinPriority requests and their queue timeout (container-lock
/// POSTs) never reach keepstore and are left out.
/// </summary>
public sealed class RequestLimiter
{
    private readonly List<LimiterTicket> _queue = [];

    public RequestLimiter(int maxConcurrent, int maxQueue, Action<LimiterTicket>? decided = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxConcurrent);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueue);
        MaxConcurrent = maxConcurrent;
        MaxQueue = maxQueue;
        Decided = decided;
    }

    /// <summary>Called when a queued ticket becomes Ready or Rejected (the simulator wakes its actor).</summary>
    public Action<LimiterTicket>? Decided { get; set; }

    /// <summary>API.MaxConcurrentRequests; 0 means no limit.</summary>
    public int MaxConcurrent { get; }

    /// <summary>API.MaxQueuedRequests.</summary>
    public int MaxQueue { get; }

    /// <summary>arvados_concurrent_requests: handlers running.</summary>
    public int Handling { get; private set; }

    /// <summary>arvados_queued_requests.</summary>
    public int Queued => _queue.Count;

    /// <summary>enqueue: Ready at once on the fast path, else queued and the queue trimmed (which may reject this ticket or another).</summary>
    public LimiterTicket Enqueue(object owner, long priority, TimeSpan now)
    {
        var ticket = new LimiterTicket(owner, priority, now);
        if (MaxConcurrent == 0 || Handling < MaxConcurrent)
        {
            Handling++;
            ticket.State = LimiterTicketState.Ready;
            return ticket;
        }

        ticket.WasQueued = true;
        _queue.Add(ticket);
        Trim();
        return ticket;
    }

    /// <summary>The client went away while queued: removed from the queue, signalled false (503).</summary>
    public void Cancel(LimiterTicket ticket)
    {
        if (ticket.State == LimiterTicketState.Queued && _queue.Remove(ticket))
        {
            Reject(ticket);
        }
    }

    /// <summary>A handler finished: handling--, then runqueue.</summary>
    public void Done()
    {
        if (Handling == 0)
        {
            throw new InvalidOperationException("Done without a running handler");
        }

        Handling--;
        while (_queue.Count > 0 && (MaxConcurrent == 0 || Handling < MaxConcurrent))
        {
            LimiterTicket best = _queue[0];
            foreach (LimiterTicket t in _queue)
            {
                if (t.Priority > best.Priority || (t.Priority == best.Priority && t.QueuedAt < best.QueuedAt))
                {
                    best = t;
                }
            }

            _queue.Remove(best);
            Handling++;
            best.State = LimiterTicketState.Ready;
            Decided?.Invoke(best);
        }
    }

    private void Trim()
    {
        while (_queue.Count > MaxQueue)
        {
            // Worst: lowest priority; among equals the most recently queued (later in the list on ties of time).
            int worst = 0;
            for (int i = 1; i < _queue.Count; i++)
            {
                LimiterTicket t = _queue[i], w = _queue[worst];
                if (t.Priority < w.Priority || (t.Priority == w.Priority && t.QueuedAt >= w.QueuedAt))
                {
                    worst = i;
                }
            }

            LimiterTicket rejected = _queue[worst];
            _queue.RemoveAt(worst);
            Reject(rejected);
        }
    }

    private void Reject(LimiterTicket ticket)
    {
        ticket.State = LimiterTicketState.Rejected;
        Decided?.Invoke(ticket);
    }
}
