namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>
/// A deterministic cooperative scheduler. An actor is an iterator that performs one operation per
/// MoveNext and yields the virtual delay until its next one. Each <see cref="StepOnce"/> runs the
/// actor due earliest; when several are due at the same instant, a seeded stream picks one, so
/// interleavings vary with the seed and repeat exactly for the same seed.
/// </summary>
public sealed class Scheduler(VirtualClock clock, SeededRandom choices)
{
    private readonly PriorityQueue<Actor, (TimeSpan Due, long Order)> _ready = new();
    private readonly List<(Actor Actor, (TimeSpan Due, long Order) Key)> _ties = [];
    private long _order;

    /// <summary>Actors not yet finished.</summary>
    public int Pending => _ready.Count;

    /// <summary>The actor that ran in the last step.</summary>
    public string? LastActor { get; private set; }

    /// <summary>Starts <paramref name="body"/> after <paramref name="delay"/> from now.</summary>
    public void Spawn(string name, IEnumerable<TimeSpan> body, TimeSpan delay = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Enqueue(new Actor(name, body.GetEnumerator()), clock.Elapsed + delay);
    }

    /// <summary>Runs one operation of one actor; false when no actor is left.</summary>
    public bool StepOnce()
    {
        while (_ready.Count > 0)
        {
            Actor actor = TakeNext(out TimeSpan due);
            clock.AdvanceTo(due);
            LastActor = actor.Name;
            if (actor.Body.MoveNext())
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(actor.Body.Current, TimeSpan.Zero);
                Enqueue(actor, due + actor.Body.Current);
                return true;
            }

            actor.Body.Dispose();
        }

        return false;
    }

    private Actor TakeNext(out TimeSpan due)
    {
        _ready.TryPeek(out _, out var first);
        _ties.Clear();
        while (_ready.TryPeek(out Actor? candidate, out var key) && key.Due == first.Due)
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

    private void Enqueue(Actor actor, TimeSpan due) => _ready.Enqueue(actor, (due, _order++));

    private sealed record Actor(string Name, IEnumerator<TimeSpan> Body);
}
