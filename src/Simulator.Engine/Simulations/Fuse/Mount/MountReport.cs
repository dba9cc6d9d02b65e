using System.Numerics;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>What a real-mount run found: the INIT exchange, every opcode the kernel sent, the READ/WRITE size classes, the transfers, the buffers' costs, and whether the mount is gone.</summary>
public sealed record MountReport
{
    public required string Description { get; init; }

    public required MountInit? Init { get; init; }

    /// <summary>Requests by opcode name, most frequent first.</summary>
    public required IReadOnlyDictionary<string, int> Opcodes { get; init; }

    public required IReadOnlyList<SizeBucket> Sizes { get; init; }

    public required IReadOnlyList<DdResult> Transfers { get; init; }

    public required DataRequestCosts Costs { get; init; }

    /// <summary>Replies with an error, by errno (as a number: 38 is ENOSYS, 2 ENOENT).</summary>
    public required IReadOnlyDictionary<string, int> Errors { get; init; }

    public required IReadOnlyList<string> ProtocolErrors { get; init; }

    /// <summary>Why the run stopped early (timeout, interrupted, a device error), or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>The mount point is no longer in /proc/mounts.</summary>
    public required bool Unmounted { get; init; }

    public bool Verified => Transfers.Count > 0 && Transfers.All(t => t.Verified);

    public static MountReport From(MountOptions options, MountServer server, MountInit? init, IReadOnlyList<DdResult> transfers, string? stopped, bool unmounted)
    {
        IReadOnlyList<RequestRecord> requests = server.Requests;
        return new MountReport
        {
            Description = options.Describe(),
            Init = init,
            Opcodes = new OrderedDictionary<string, int>(requests.GroupBy(r => r.Opcode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count()))),
            Sizes = [.. requests.Where(r => r.IsData).GroupBy(r => (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, r.Size))).OrderBy(g => g.Key)
                .Select(g => new SizeBucket(g.Key, g.Count(r => r.Opcode == "READ"), g.Count(r => r.Opcode == "WRITE")))],
            Transfers = transfers,
            Costs = DataRequestCosts.From(requests),
            Errors = new OrderedDictionary<string, int>(requests.Where(r => r.Error != 0).GroupBy(r => r.Error).OrderBy(g => g.Key)
                .Select(g => KeyValuePair.Create(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count()))),
            ProtocolErrors = server.ProtocolErrors,
            Stopped = stopped ?? server.Failure?.Message,
            Unmounted = unmounted,
        };
    }
}
