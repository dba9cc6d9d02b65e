using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// One phase of what the simulated kernel asks of the file, at most <see cref="QueueDepth"/>
/// requests in flight: sequential writes then reads in I/O units, a seeded mix of reads and
/// writes (sizes from <see cref="Sizes"/>) with FORGETs and INTERRUPTs, or explicit <see cref="Ops"/>.
/// Phases run in order; the kernel splits an I/O unit larger than what was negotiated.
/// </summary>
public sealed record FusePhase
{
    public const int MaxOps = 100_000;

    /// <summary>Bytes written sequentially from offset 0 (0: none).</summary>
    public int SequentialWriteBytes { get; init; }

    /// <summary>Bytes read sequentially from offset 0 (0: none).</summary>
    public int SequentialReadBytes { get; init; }

    /// <summary>The size of each sequential read or write, before the kernel splits it.</summary>
    public int IoBytes { get; init; } = 1 << 20;

    /// <summary>Random reads and writes.</summary>
    public int RandomOps { get; init; }

    public int MinRandomBytes { get; init; } = 4096;

    public int MaxRandomBytes { get; init; } = 2 << 20;

    public Distribution Sizes { get; init; } = Distribution.Uniform;

    public double WriteFraction { get; init; } = 0.5;

    /// <summary>A FORGET after every this many requests (0: none).</summary>
    public int ForgetEvery { get; init; }

    /// <summary>An INTERRUPT of the request just sent after every this many (0: none).</summary>
    public int InterruptEvery { get; init; }

    public IReadOnlyList<FuseIoOp> Ops { get; init; } = [];

    public int QueueDepth { get; init; } = 4;

    /// <summary>Every problem, by field name as in a scenario file's phase, for a file of <paramref name="fileBytes"/>.</summary>
    public IEnumerable<FieldProblem> Problems(int fileBytes)
    {
        if (SequentialReadBytes < 0 || SequentialReadBytes > fileBytes)
        {
            yield return new("sequentialReadBytes", $"must be from 0 to options.fileBytes ({fileBytes}), got {SequentialReadBytes}");
        }

        if (SequentialWriteBytes < 0 || SequentialWriteBytes > fileBytes)
        {
            yield return new("sequentialWriteBytes", $"must be from 0 to options.fileBytes ({fileBytes}), got {SequentialWriteBytes}");
        }

        if (IoBytes < 1 || IoBytes > 64 << 20)
        {
            yield return new("ioBytes", $"must be from 1 to {64 << 20}, got {IoBytes}");
        }

        if (RandomOps < 0 || RandomOps > MaxOps)
        {
            yield return new("randomOps", $"must be from 0 to {MaxOps}, got {RandomOps}");
        }

        if (RandomOps > 0 && SizesProblem(fileBytes) is { } sizes)
        {
            yield return sizes;
        }

        if (!(WriteFraction is >= 0 and <= 1))
        {
            yield return new("writeFraction", $"must be from 0 to 1, got {WriteFraction}");
        }

        if (ForgetEvery < 0)
        {
            yield return new("forgetEvery", $"must be 0 or more, got {ForgetEvery}");
        }

        if (InterruptEvery < 0)
        {
            yield return new("interruptEvery", $"must be 0 or more, got {InterruptEvery}");
        }

        if (QueueDepth is < 1 or > 256)
        {
            yield return new("clients", $"(requests in flight) must be from 1 to 256, got {QueueDepth}");
        }

        long extent = fileBytes; // a write past the end grows the file, so a later read of this phase may go there
        foreach ((FuseIoOp op, int i) in Ops.Select((op, i) => (op, i)))
        {
            if (op.Write && op.Offset + op.Size <= FuseScenario.MaxFileBytes)
            {
                extent = Math.Max(extent, op.Offset + op.Size);
            }

            if (!op.Write && op.Offset + op.Size > extent)
            {
                yield return new("ops", $"op {i + 1} ('{op}') reads to byte {op.Offset + op.Size}, past the end of the file ({extent})");
            }
            else if (op.Offset + op.Size > FuseScenario.MaxFileBytes)
            {
                yield return new("ops", $"op {i + 1} ('{op}') writes to byte {op.Offset + op.Size}; memfs grows the file on a write past its end, here to at most {FuseScenario.MaxFileBytes} bytes");
            }
        }
    }

    private FieldProblem? SizesProblem(int fileBytes) =>
        MaxRandomBytes < 1 || MaxRandomBytes > fileBytes ? new("sizes.max", $"must be from 1 to options.fileBytes ({fileBytes}), got {MaxRandomBytes}")
        : MinRandomBytes < 1 || MinRandomBytes > MaxRandomBytes ? new("sizes.min", $"must be from 1 to sizes.max ({MaxRandomBytes}), got {MinRandomBytes}")
        : Sizes.Problem(MinRandomBytes, MaxRandomBytes) is { } sizes ? sizes with { Field = $"sizes.{sizes.Field}" }
        : null;
}
