using System.Numerics;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// A running mount's counters as they stand: requests by opcode (most frequent first), the READ
/// and WRITE payload bytes answered so far, the wall-clock time, and the READ/WRITE size classes
/// (as the report makes them: each size rounded up to a power of two).
/// </summary>
public sealed record MountLive(IReadOnlyList<KeyValuePair<string, int>> Opcodes, int Requests, long ReadBytes, long WriteBytes, TimeSpan Elapsed, IReadOnlyList<SizeBucket> Sizes)
{
    public static MountLive Empty { get; } = new([], 0, 0, 0, TimeSpan.Zero, []);

    public static MountLive From(IReadOnlyList<RequestRecord> requests, TimeSpan elapsed) => new(
        [.. requests.GroupBy(r => r.Opcode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count()))],
        requests.Count,
        requests.Where(r => r.Opcode == "READ" && r.Error == 0).Sum(r => (long)r.Size),
        requests.Where(r => r.Opcode == "WRITE" && r.Error == 0).Sum(r => (long)r.Size),
        elapsed,
        [.. requests.Where(r => r.IsData).GroupBy(r => (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, r.Size))).OrderBy(g => g.Key)
            .Select(g => new SizeBucket(g.Key, g.Count(r => r.Opcode == "READ"), g.Count(r => r.Opcode == "WRITE")))]);

    /// <summary>How far the transfers have got, 0 to 1: bytes answered of the bytes the options move (each way asked for).</summary>
    public double Progress(MountOptions options)
    {
        long planned = options.TotalBytes * ((options.Read ? 1 : 0) + (options.Write ? 1 : 0));
        return planned == 0 ? 0 : Math.Clamp((double)(ReadBytes + WriteBytes) / planned, 0, 1);
    }
}
