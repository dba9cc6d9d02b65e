namespace BufferLab.Simulator.Engine.Scenarios.Fuse;

/// <summary>
/// What the simulated kernel asks of the file: sequential reads and writes in I/O units, or a
/// seeded mix of reads and writes with FORGETs and INTERRUPTs; at most <see cref="QueueDepth"/>
/// requests in flight. The kernel splits an I/O unit larger than what was negotiated.
/// </summary>
public sealed record FuseWorkload
{
    public const int MaxFileBytes = 256 << 20;
    public const int MaxOps = 100_000;

    public int FileBytes { get; init; } = 32 << 20;

    /// <summary>Bytes read sequentially from offset 0 (0: none).</summary>
    public int SequentialReadBytes { get; init; }

    /// <summary>Bytes written sequentially from offset 0 (0: none).</summary>
    public int SequentialWriteBytes { get; init; }

    /// <summary>The size of each sequential read or write, before the kernel splits it.</summary>
    public int IoBytes { get; init; } = 1 << 20;

    /// <summary>Random reads and writes of 4 KiB to <see cref="MaxRandomBytes"/>.</summary>
    public int RandomOps { get; init; }

    public int MaxRandomBytes { get; init; } = 2 << 20;

    public double WriteFraction { get; init; } = 0.5;

    /// <summary>A FORGET after every this many random ops (0: none).</summary>
    public int ForgetEvery { get; init; }

    /// <summary>An INTERRUPT of an in-flight op after every this many random ops (0: none).</summary>
    public int InterruptEvery { get; init; }

    public int QueueDepth { get; init; } = 4;

    public string? Problem() =>
        FileBytes < 4096 || FileBytes > MaxFileBytes ? $"fileBytes must be from 4096 to {MaxFileBytes}, got {FileBytes}"
        : SequentialReadBytes < 0 || SequentialReadBytes > FileBytes ? $"sequentialReadBytes must be from 0 to fileBytes ({FileBytes}), got {SequentialReadBytes}"
        : SequentialWriteBytes < 0 || SequentialWriteBytes > FileBytes ? $"sequentialWriteBytes must be from 0 to fileBytes ({FileBytes}), got {SequentialWriteBytes}"
        : IoBytes < 1 || IoBytes > 64 << 20 ? $"ioBytes must be from 1 to {64 << 20}, got {IoBytes}"
        : RandomOps < 0 || RandomOps > MaxOps ? $"randomOps must be from 0 to {MaxOps}, got {RandomOps}"
        : MaxRandomBytes < 4096 || MaxRandomBytes > FileBytes ? $"maxRandomBytes must be from 4096 to fileBytes ({FileBytes}), got {MaxRandomBytes}"
        : !(WriteFraction is >= 0 and <= 1) ? $"writeFraction must be from 0 to 1, got {WriteFraction}"
        : ForgetEvery < 0 || InterruptEvery < 0 ? "forgetEvery and interruptEvery must be 0 or more"
        : QueueDepth is < 1 or > 256 ? $"queueDepth must be from 1 to 256, got {QueueDepth}"
        : null;
}
