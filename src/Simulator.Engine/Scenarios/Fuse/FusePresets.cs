namespace BufferLab.Simulator.Engine.Scenarios.Fuse;

/// <summary>Built-in FUSE workloads.</summary>
public static class FusePresets
{
    public static FuseScenario SequentialRead1M { get; } = new()
    {
        Name = "fuse-seq-read-1m",
        Title = "Sequential 1 MiB reads",
        Description = "The kernel reads a 32 MiB file front to back in 1 MiB requests, 4 in flight.",
        Workload = new FuseWorkload { FileBytes = 32 << 20, SequentialReadBytes = 32 << 20, IoBytes = 1 << 20, QueueDepth = 4 },
    };

    public static FuseScenario LargeWrite4M { get; } = new()
    {
        Name = "fuse-large-write-4m",
        Title = "4 MiB writes",
        Description = "32 MiB written in 4 MiB writes, 2 in flight, with MaxMessageSize 4 MiB and the kernel's max_pages_limit raised to 1024 (Linux 6.13+). master still caps writes at 1 MiB.",
        MaxMessageSize = 4 << 20,
        MaxPagesLimit = 1024,
        Workload = new FuseWorkload { FileBytes = 32 << 20, SequentialWriteBytes = 32 << 20, IoBytes = 4 << 20, QueueDepth = 2 },
    };

    public static FuseScenario Mixed { get; } = new()
    {
        Name = "fuse-mixed",
        Title = "Mixed reads and writes",
        Description = "200 random reads and writes of 4 KiB to 2 MiB on a 16 MiB file, 8 in flight, with a FORGET every 20 and an INTERRUPT every 25 ops; MaxMessageSize 2 MiB, max_pages_limit 512.",
        MaxMessageSize = 2 << 20,
        MaxPagesLimit = 512,
        Workload = new FuseWorkload { FileBytes = 16 << 20, RandomOps = 200, MaxRandomBytes = 2 << 20, ForgetEvery = 20, InterruptEvery = 25, QueueDepth = 8 },
    };

    public static FuseScenario Bug189 { get; } = new()
    {
        Name = "fuse-bug-189",
        Title = "#189: 64 KiB pages before the fix",
        Description = "64 KiB pages (arm64 Grace). master before #189 sends MaxPages 256, so the kernel asks for 16 MiB reads that its 1 MiB buffer cannot hold: reads come back empty (premature EOF).",
        PageSize = 65536,
        Pre189 = true,
        Workload = new FuseWorkload { FileBytes = 32 << 20, SequentialReadBytes = 32 << 20, IoBytes = 16 << 20, QueueDepth = 2 },
    };

    public static IReadOnlyList<FuseScenario> All { get; } = [SequentialRead1M, LargeWrite4M, Mixed, Bug189];
}
