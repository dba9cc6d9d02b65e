namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// The checkpoints of one run, in step order, within a <see cref="CheckpointBudget"/>: one at step
/// 0, then one wherever the run steps an <see cref="Interval"/> past the nearest one before it. A
/// seek restores the nearest one at or before its target and replays at most about
/// <see cref="Interval"/> steps (more only the first time it goes where a long seek did not stop).
/// </summary>
public sealed class RunCheckpoints(CheckpointBudget budget)
{
    private readonly List<Checkpoint> _list = [];
    private readonly ChunkStore _chunks = new();
    private long _objectBytes;

    public CheckpointBudget Budget { get; } = budget;

    /// <summary>Steps between checkpoints now (it doubles each time the budget thins them).</summary>
    public int Interval { get; private set; } = budget.Interval;

    public int Count => _list.Count;

    /// <summary>About how much memory the checkpoints take: their objects, and the chunks of their large arrays (each chunk counted once).</summary>
    public long Bytes => _objectBytes + _chunks.Bytes;

    /// <summary>The part of <see cref="Bytes"/> in chunks of large arrays.</summary>
    public long ChunkBytes => _chunks.Bytes;

    /// <summary>The furthest step with a checkpoint.</summary>
    public int LastStep => _list.Count == 0 ? -1 : _list[^1].Step;

    /// <summary>How many checkpoints the budget made the run drop.</summary>
    public int Dropped { get; private set; }

    /// <summary>Whether a run at <paramref name="step"/> should take a checkpoint: it is an interval or more past the nearest one before it.</summary>
    internal bool Due(int step) => Budget.Bytes > 0 && (AtOrBefore(step) is not { } nearest || (long)step - nearest.Step >= Interval);

    /// <summary>Copies <paramref name="state"/> (referring to <paramref name="shared"/> as it is) into a new checkpoint.</summary>
    internal void Take(RunState state, object[] shared, int events, int traceEntries)
    {
        if (AtOrBefore(state.Step)?.Step == state.Step)
        {
            return; // that step has one already
        }

        var frozen = new Dictionary<byte[], FrozenBytes>(ReferenceEqualityComparer.Instance);
        var copier = new StateCopier(shared, live =>
        {
            if (live.Length < ChunkStore.MinArrayBytes)
            {
                return null;
            }

            byte[] standIn = new byte[1];
            frozen[standIn] = _chunks.Freeze(live);
            return standIn;
        }, _chunks.See);
        RunState copy = copier.Copy(state);
        Add(new Checkpoint(copy, frozen, events, traceEntries, copier.Bytes));
    }

    /// <summary>A fresh copy of <paramref name="checkpoint"/>'s state, for the run to go on from (the checkpoint stays as it was); the run's state now is left, and its large arrays reused.</summary>
    internal RunState Thaw(Checkpoint checkpoint, object[] shared)
    {
        _chunks.Recycle();
        try
        {
            return new StateCopier(shared, standIn => checkpoint.Frozen.TryGetValue(standIn, out FrozenBytes? frozen) ? _chunks.Thaw(frozen) : null).Copy(checkpoint.State);
        }
        finally
        {
            _chunks.EndRecycling();
        }
    }

    /// <summary>The checkpoint with the greatest step at or before <paramref name="step"/>.</summary>
    internal Checkpoint? AtOrBefore(int step)
    {
        int low = 0, high = _list.Count - 1;
        Checkpoint? found = null;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (_list[middle].Step <= step)
            {
                found = _list[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    internal void Clear()
    {
        _list.Clear();
        _chunks.Clear();
        _objectBytes = 0;
        Interval = Budget.Interval;
    }

    private void Add(Checkpoint checkpoint)
    {
        int at = _list.FindLastIndex(c => c.Step < checkpoint.Step) + 1;
        _list.Insert(at, checkpoint);
        _objectBytes += checkpoint.Bytes;
        while (Bytes > Budget.Bytes && _list.Count > 2)
        {
            Thin();
        }

        if (Bytes > Budget.Bytes)
        {
            Interval = int.MaxValue; // step 0's and the newest alone are over budget: keep them, take no more
        }
    }

    /// <summary>Drops every other checkpoint after step 0's and doubles the interval.</summary>
    private void Thin()
    {
        for (int i = _list.Count - 1; i >= 1; i--)
        {
            if (i % 2 == 1)
            {
                Drop(i);
            }
        }

        Interval = Interval > int.MaxValue / 2 ? int.MaxValue : Interval * 2;
    }

    private void Drop(int index)
    {
        Checkpoint dropped = _list[index];
        _list.RemoveAt(index);
        _objectBytes -= dropped.Bytes;
        foreach (FrozenBytes frozen in dropped.Frozen.Values)
        {
            _chunks.Release(frozen);
        }

        Dropped++;
    }
}
