namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// The last message of one run, drawn in four rows: the message as the kernel sent it, the
/// daemon's buffers it was read into, what this op put on the heap, and the reply's iovecs;
/// with bands between the rows (where bytes went, what was copied, where each iovec points).
/// </summary>
public sealed record MessageMap(string Caption, string ScaleNote)
{
    public IReadOnlyList<MapBox> Kernel { get; init; } = [];

    public IReadOnlyList<MapBand> KernelToBuffers { get; init; } = [];

    public IReadOnlyList<MapBox> Buffers { get; init; } = [];

    public IReadOnlyList<MapBand> CopyBands { get; init; } = [];

    public IReadOnlyList<MapArrow> Copies { get; init; } = [];

    public IReadOnlyList<MapBox> Heap { get; init; } = [];

    public IReadOnlyList<MapBand> ReplyBands { get; init; } = [];

    public IReadOnlyList<MapBox> Reply { get; init; } = [];

    /// <summary>The rightmost edge drawn, in percent (the layout keeps it at most 100).</summary>
    public double Extent => new[] { Kernel, Buffers, Heap, Reply }.SelectMany(r => r).Select(b => b.End).DefaultIfEmpty(0).Max();
}
