using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// Which pool buffer is which, for the view: each buffer sync.Pool hands out gets a number the
/// first time it is seen, and the request holding it is remembered until it is put back.
/// Buffers a garbage collection drops are forgotten.
/// </summary>
internal sealed class PoolBufferLedger
{
    private readonly Dictionary<byte[], int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<byte[], int> _holder = new(ReferenceEqualityComparer.Instance);
    private int _next;

    /// <summary>Records <paramref name="request"/> holding <paramref name="buffer"/>; returns its number and whether it is new (New allocated it).</summary>
    public (int Index, bool Allocated) Hold(byte[] buffer, int request)
    {
        bool allocated = !_index.ContainsKey(buffer);
        if (allocated)
        {
            _index[buffer] = _next++;
        }

        _holder[buffer] = request;
        return (_index[buffer], allocated);
    }

    /// <summary>The buffer goes back; returns its number.</summary>
    public int Release(byte[] buffer)
    {
        _holder.Remove(buffer);
        return _index[buffer];
    }

    /// <summary>The buffers held now: number, size and the request holding each, by number.</summary>
    public IEnumerable<(int Index, int Bytes, int Request)> Held() =>
        _holder.Select(h => (_index[h.Key], h.Key.Length, h.Value)).OrderBy(h => h.Item1);

    public void Forget(IEnumerable<byte[]> dropped)
    {
        foreach (byte[] buffer in dropped)
        {
            _index.Remove(buffer);
        }
    }

    /// <summary>Every known buffer: held (and by whom, reading which block), pooled, a victim, or dropped.</summary>
    public KeepBufferView[] Views(KeepBufferPool pool, IReadOnlyList<KeepRequest> requests) =>
    [
        .. _index.Select(entry =>
        {
            (byte[] buffer, int index) = entry;
            int? holder = _holder.TryGetValue(buffer, out int id) ? id : null;
            string state = holder is not null ? "InUse" : pool.Pooled.Contains(buffer) ? "Pooled" : pool.Victims.Contains(buffer) ? "Victim" : "Dropped";
            string? hash = holder is { } h ? requests[h - 1].Locator.Hash : null;
            return new KeepBufferView(index, state, hash, holder is null ? 0 : 1, null, holder, 0, buffer.Length);
        }).OrderBy(v => v.Index),
    ];
}
