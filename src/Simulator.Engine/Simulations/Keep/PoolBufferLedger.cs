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
    // A list searched by reference rather than a dictionary keyed by identity: a checkpoint copies
    // the buffers, and a copy's identity hash differs (there are at most a pool's few buffers).
    private readonly List<(byte[] Buffer, int Index)> _index = [];
    private readonly List<(byte[] Buffer, int Request)> _holder = [];
    private int _next;

    /// <summary>Records <paramref name="request"/> holding <paramref name="buffer"/>; returns its number and whether it is new (New allocated it).</summary>
    public (int Index, bool Allocated) Hold(byte[] buffer, int request)
    {
        int at = Find(_index, buffer);
        bool allocated = at < 0;
        if (allocated)
        {
            _index.Add((buffer, _next++));
            at = _index.Count - 1;
        }

        int held = Find(_holder, buffer);
        if (held >= 0)
        {
            _holder[held] = (buffer, request);
        }
        else
        {
            _holder.Add((buffer, request));
        }

        return (_index[at].Index, allocated);
    }

    /// <summary>The buffer goes back; returns its number.</summary>
    public int Release(byte[] buffer)
    {
        int held = Find(_holder, buffer);
        if (held >= 0)
        {
            _holder.RemoveAt(held);
        }

        return IndexOf(buffer);
    }

    /// <summary>The buffers held now: number, size and the request holding each, by number.</summary>
    public IEnumerable<(int Index, int Bytes, int Request)> Held() =>
        _holder.Select(h => (IndexOf(h.Buffer), h.Buffer.Length, h.Request)).OrderBy(h => h.Item1);

    public void Forget(IEnumerable<byte[]> dropped)
    {
        foreach (byte[] buffer in dropped)
        {
            int at = Find(_index, buffer);
            if (at >= 0)
            {
                _index.RemoveAt(at);
            }
        }
    }

    /// <summary>Every known buffer: held (and by whom, reading which block), pooled, a victim, or dropped.</summary>
    public KeepBufferView[] Views(KeepBufferPool pool, IReadOnlyList<KeepRequest> requests) =>
    [
        .. _index.Select(entry =>
        {
            (byte[] buffer, int index) = entry;
            int held = Find(_holder, buffer);
            int? holder = held >= 0 ? _holder[held].Item2 : null;
            string state = holder is not null ? "InUse" : pool.Pooled.Contains(buffer) ? "Pooled" : pool.Victims.Contains(buffer) ? "Victim" : "Dropped";
            string? hash = holder is { } h ? requests[h - 1].Locator.Hash : null;
            return new KeepBufferView(index, state, hash, holder is null ? 0 : 1, null, holder, 0, buffer.Length);
        }).OrderBy(v => v.Index),
    ];

    private int IndexOf(byte[] buffer) => _index[Find(_index, buffer)].Index;

    private static int Find(List<(byte[] Buffer, int Value)> entries, byte[] buffer) => entries.FindIndex(e => ReferenceEquals(e.Buffer, buffer));
}
