namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// What the daemon's buffers did per READ/WRITE after warm-up (the first <see cref="WarmUp"/> READs
/// and the first WRITEs left out: each fills the pools to what it needs): heap bytes upstream would allocate (fresh pool blocks, GetFree and
/// ConsumeBytes fallbacks), bytes the library copied, pool blocks a message held, and the .NET
/// bytes the serving thread allocated, measured.
/// </summary>
public sealed record DataRequestCosts(int Requests, double HeapBytesPerRequest, double LibraryCopiesPerRequest, double BlocksPerRequest, double AllocatedBytesPerRequest, long MaxAllocatedBytes)
{
    public const int WarmUp = 16;

    public static DataRequestCosts From(IReadOnlyList<RequestRecord> requests)
    {
        RequestRecord[] data = [.. requests.Where(r => r.IsData).GroupBy(r => r.Opcode).SelectMany(g => g.Skip(WarmUp))];
        return data.Length == 0
            ? new DataRequestCosts(0, 0, 0, 0, 0, 0)
            : new DataRequestCosts(data.Length, data.Average(r => r.HeapBytes), data.Average(r => r.LibraryCopies), data.Average(r => r.Blocks),
                data.Average(r => r.AllocatedBytes), data.Max(r => r.AllocatedBytes));
    }
}
