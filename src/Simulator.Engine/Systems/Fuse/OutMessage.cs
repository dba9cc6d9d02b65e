namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// Mirrors internal/buffer/out_message.go: a 16-byte header and a scatter-gather list whose first
/// element is the header's bytes (added on the first Append); Grow allocates on the heap (no
/// pooling); ShrinkTo trims the list, and panics out of range.
/// </summary>
public sealed class OutMessage
{
    private readonly byte[] _header = new byte[FuseWire.OutHeaderSize];

    /// <summary>The scatter-gather list, null until the first Append (nil in Go).</summary>
    public List<ReadOnlyMemory<byte>>? Sglist { get; private set; }

    public OutHeader Header
    {
        get => OutHeader.Read(_header);
        set => value.Write(_header);
    }

    public int Len => Sglist is null ? FuseWire.OutHeaderSize : Sglist.Sum(s => s.Length);

    public void Reset()
    {
        Array.Clear(_header);
        Sglist = null;
    }

    /// <summary>Append: the header view first if needed, then the slices, without copying.</summary>
    public void Append(params ReadOnlyMemory<byte>[] slices)
    {
        Sglist ??= [_header];
        Sglist.AddRange(slices);
    }

    /// <summary>Grow: n zeroed bytes on the heap, appended.</summary>
    public byte[] Grow(int n)
    {
        byte[] bytes = new byte[n];
        Append(bytes);
        return bytes;
    }

    /// <summary>ShrinkTo: keep the first <paramref name="n"/> bytes (16 drops the list).</summary>
    public void ShrinkTo(int n)
    {
        if (n < FuseWire.OutHeaderSize || n > Len)
        {
            throw new FusePanicException($"ShrinkTo({n}) out of range (current Len: {Len})");
        }

        if (n == FuseWire.OutHeaderSize)
        {
            Sglist = null;
            return;
        }

        var kept = new List<ReadOnlyMemory<byte>> { _header };
        int remaining = n - FuseWire.OutHeaderSize;
        foreach (ReadOnlyMemory<byte> slice in Sglist!.Skip(1))
        {
            if (remaining == 0)
            {
                break;
            }

            int take = Math.Min(remaining, slice.Length);
            kept.Add(slice[..take]);
            remaining -= take;
        }

        Sglist = kept;
    }

    /// <summary>The bytes a writev of the list sends (for checks).</summary>
    public byte[] Flatten() => Sglist is null ? [.. _header] : [.. Sglist.SelectMany(s => s.ToArray())];
}
