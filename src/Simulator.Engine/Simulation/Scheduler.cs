namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>
/// A deterministic cooperative scheduler. An actor is an iterator that performs one operation per
/// MoveNext and yields the virtual delay until its next one, or <see cref="Park"/> to sleep until
/// another actor wakes it (a blocked goroutine). Each <see cref="StepOnce"/> runs the actor due
/// earliest; when several are due at the same instant, a seeded stream picks one, so
/// interleavings vary with the seed and repeat exactly for the same seed.
/// </summary>
public sealed class Scheduler(VirtualClock clock, SeededRandom choices)
{
    /// <summary>Yield this to sleep until <see cref="Wake"/> is called for the actor.</summary>
    public static readonly TimeSpan Park = Timeout.InfiniteTimeSpan;

    private readonly PriorityQueue<ActorHandle, (TimeSpan Due, long Order)> _ready = new();
    private readonly List<(ActorHandle Actor, (TimeSpan Due, long Order) Key)> _ties = [];
    private long _order;

    /// <summary>Actors due to run (parked ones are not counted).</summary>
    public int Pending => _ready.Count;

    /// <summary>The actor that ran in the last step.</summary>
    public string? LastActor => Current?.Name;

    /// <summary>The actor running now (during a step), or the last one that ran.</summary>
    public ActorHandle? Current { get; private set; }

    /// <summary>When the next step will run, if any actor is due.</summary>
    public TimeSpan? NextDue => _ready.TryPeek(out _, out var key) ? key.Due : null;

    /// <summary>Starts <paramref name="body"/> after <paramref name="delay"/> from now.</summary>
    public ActorHandle Spawn(string name, IEnumerable<TimeSpan> body, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var actor = new ActorHandle(name, body.GetEnumerator());
        Enqueue(actor, clock.Elapsed + delay);
        return actor;
    }

    /// <summary>
    /// Makes a parked actor due after <paramref name="delay"/>. Waking an actor that is running
    /// now makes its next <see cref="Park"/> return at once; waking one already due does nothing.
    /// </summary>
    public void Wake(ActorHandle actor, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        if (actor.State == ActorState.Parked)
        {
            Enqueue(actor, clock.Elapsed + delay);
        }
        else if (actor.State == ActorState.Running)
        {
            actor.WakePending = true;
        }
    }

    /// <summary>
    /// Runs actors until one yields (true) or none is ready (false). An actor that ends is not a
    /// step here: its last segment folds into the next actor's (see <see cref="Advance"/>, which
    /// tells the two apart).
    /// </summary>
    public bool StepOnce()
    {
        SegmentOutcome outcome;
        do
        {
            outcome = Advance();
        }
        while (outcome == SegmentOutcome.Ended);

        return outcome == SegmentOutcome.Yielded;
    }

    /// <summary>Runs the next actor's next segment and says how it went: it yielded, it was the actor's last, or no actor was ready.</summary>
    public SegmentOutcome Advance()
    {
        if (_ready.Count == 0)
        {
            return SegmentOutcome.Idle;
        }

        ActorHandle actor = TakeNext(out TimeSpan due);
        clock.AdvanceTo(due);
        Current = actor;
        actor.State = ActorState.Running;
        actor.WakePending = false;
        if (!actor.Body.MoveNext())
        {
            actor.State = ActorState.Finished;
            actor.Body.Dispose();
            return SegmentOutcome.Ended;
        }

        TimeSpan delay = actor.Body.Current;
        if (delay == Park)
        {
            actor.State = ActorState.Parked;
            if (actor.WakePending)
            {
                Enqueue(actor, due);
            }
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
            Enqueue(actor, due + delay);
        }

        return SegmentOutcome.Yielded;
    }

    private ActorHandle TakeNext(out TimeSpan due)
    {
        _ready.TryPeek(out _, out var first);
        _ties.Clear();
        while (_ready.TryPeek(out ActorHandle? candidate, out var key) && key.Due == first.Due)
        {
            _ready.Dequeue();
            _ties.Add((candidate, key));
        }

        int pick = _ties.Count == 1 ? 0 : choices.NextInt(_ties.Count);
        for (int i = 0; i < _ties.Count; i++)
        {
            if (i != pick)
            {
                _ready.Enqueue(_ties[i].Actor, _ties[i].Key);
            }
        }

        due = first.Due;
        return _ties[pick].Actor;
    }

    private void Enqueue(ActorHandle actor, TimeSpan due)
    {
        actor.State = ActorState.Due;
        _ready.Enqueue(actor, (due, _order++));
    }
}
