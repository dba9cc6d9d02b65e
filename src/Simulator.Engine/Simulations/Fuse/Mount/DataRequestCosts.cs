namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// What the daemon's buffers did per READ/WRITE after warm-up (of each opcode, the first half of its
/// requests but at most the first <see cref="WarmUp"/> left out: they fill the pools to what it needs): heap bytes upstream would allocate (fresh pool blocks, GetFree and
/// ConsumeBytes fallbacks), bytes the library copied, pool blocks a message held, and the .NET
/// bytes the serving thread allocated, measured.
/// </summary>
public sealed record DataRequestCosts(int Requests, double HeapBytesPerRequest, double LibraryCopiesPerRequest, double BlocksPerRequest, double AllocatedBytesPerRequest, long MaxAllocatedBytes)
{
    public const int WarmUp = 16;

    public static DataRequestCosts From(IReadOnlyList<RequestRecord> requests)
    {
        RequestRecord[] data = [.. requests.Where(r => r.IsData).GroupBy(r => r.Opcode).SelectMany(g => g.Skip(Math.Min(WarmUp, g.Count() / 2)))];
        return data.Length == 0
            ? new DataRequestCosts(0, 0, 0, 0, 0, 0)
            : new DataRequestCosts(data.Length, data.Average(r => r.HeapBytes), data.Average(r => r.LibraryCopies), data.Average(r => r.Blocks),
                data.Average(r => r.AllocatedBytes), data.Max(r => r.AllocatedBytes));
    }
}
