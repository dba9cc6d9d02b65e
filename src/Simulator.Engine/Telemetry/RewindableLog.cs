using System.Collections;

namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// An append-only log that a run can rewind to an earlier length without forgetting what came
/// after: the entries past <see cref="Count"/> stay known, so a run that steps forward again
/// re-appends them in place, and a run restored to a checkpoint ahead of where it is finds its
/// entries up to there. A run is deterministic, so what it appends again is what was there; a
/// re-appended entry that differs replaces the rest of the log.
/// </summary>
public sealed class RewindableLog<T> : IReadOnlyList<T>
{
    private readonly List<T> _entries = [];

    /// <summary>Entries up to where the run is now.</summary>
    public int Count { get; private set; }

    public T this[int index] => index < Count ? _entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Append(T entry)
    {
        if (Count < _entries.Count)
        {
            if (EqualityComparer<T>.Default.Equals(_entries[Count], entry))
            {
                Count++;
                return;
            }

            _entries.RemoveRange(Count, _entries.Count - Count); // not the run that logged them: forget the rest
        }

        _entries.Add(entry);
        Count++;
    }

    /// <summary>Makes the first <paramref name="count"/> entries the log, keeping those after known; false when fewer are known.</summary>
    public bool MoveTo(int count)
    {
        if (count > _entries.Count)
        {
            return false;
        }

        Count = count;
        return true;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
