namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// The outlines of runs already probed, so reopening the same workload (a reload, a mode switch
/// back) plays no copy to the end again. Keyed by content (a hash of the scenario's text and
/// choices, and the seed), never by the scenario object, which can be large; bounded by bytes,
/// least recently used first out.
/// </summary>
public sealed class OutlineCache(long maxBytes = OutlineCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 16L << 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, RunOutline Outline, long Bytes)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, RunOutline Outline, long Bytes)> _recent = new();
    private long _bytes;

    /// <summary>The cache every session shares.</summary>
    public static OutlineCache Shared { get; } = new();

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The outline for <paramref name="key"/>, probing (outside the lock) when it is not known.</summary>
    public RunOutline GetOrAdd(string key, Func<RunOutline> probe)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var known))
            {
                _recent.Remove(known);
                _recent.AddFirst(known);
                return known.Value.Outline;
            }
        }

        RunOutline outline = probe();
        long bytes = SizeOf(outline) + (2L * key.Length);
        lock (_gate)
        {
            if (bytes > maxBytes || _entries.ContainsKey(key))
            {
                return outline;
            }

            _entries[key] = _recent.AddFirst((key, outline, bytes));
            _bytes += bytes;
            while (_bytes > maxBytes && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Bytes;
            }
        }

        return outline;
    }

    /// <summary>An estimate of what an outline holds on the heap: its marks and their texts.</summary>
    private static long SizeOf(RunOutline outline) => 256 + outline.Marks.Sum(m => 56 + (2L * m.Label.Length));
}
