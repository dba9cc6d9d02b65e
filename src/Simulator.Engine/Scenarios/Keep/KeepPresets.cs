using BufferLab.Simulator.Engine.Models.Keep;

namespace BufferLab.Simulator.Engine.Scenarios.Keep;

/// <summary>
/// Built-in keepstore workloads, at scale 64 (1 MiB blocks and buffers, 1 KiB parts, bandwidths
/// divided by 64) so every ratio and virtual time is keepstore's while a run moves little real memory.
/// </summary>
public static class KeepPresets
{
    /// <summary>The teaching scale the presets use.</summary>
    public const int TeachingScale = 64;

    private static readonly KeepConfig Teaching = new() { Scale = TeachingScale };

    public static KeepScenario JobStartHerd { get; } = new()
    {
        Name = "keep-job-start-herd",
        Title = "Job start herd",
        Description = "100 clients start a job at the same moment and each fetches the same 4 blocks in turn: the case #10541 was written for.",
        Config = Teaching,
        Blocks = 4,
        Loads = [new KeepLoad(KeepLoadKind.Herd) { Clients = 100, RequestsPerClient = 4, SpreadMs = 5, Keys = KeyDistribution.List(0, 1, 2, 3) }],
    };

    public static KeepScenario Zipf { get; } = new()
    {
        Name = "keep-zipf",
        Title = "Zipf popularity",
        Description = "32 clients each read 25 of 64 blocks with zipf(1.1) popularity and 20 ms think time, on 16 buffers: how much a cache of Ready buffers saves.",
        Config = Teaching with { MaxBuffers = 16 },
        Blocks = 64,
        Loads = [new KeepLoad(KeepLoadKind.Closed) { Clients = 32, RequestsPerClient = 25, ThinkMs = 20, Keys = KeyDistribution.Zipf(1.1) }],
    };

    public static KeepScenario Overload { get; } = new()
    {
        Name = "keep-overload",
        Title = "Overload",
        Description = "400 clients within 50 ms against 16 concurrent requests, a queue of 32 and 8 buffers; 10% send an Origin header, 20% give up after 800 ms.",
        Config = Teaching with { MaxBuffers = 8, MaxConcurrentRequests = 16, MaxQueuedRequests = 32 },
        Blocks = 8,
        Loads = [new KeepLoad(KeepLoadKind.Herd) { Clients = 400, SpreadMs = 50, OriginFraction = 0.1, DisconnectFraction = 0.2, DisconnectAfterMs = 800 }],
    };

    public static KeepScenario VolumeFailure { get; } = new()
    {
        Name = "keep-volume-failure",
        Title = "Volume failures",
        Description = "30 clients fetch 4 blocks: block 0's reads fail halfway, block 1's stored bytes are corrupt, block 2 is on no volume, block 3 is fine.",
        Config = Teaching,
        Blocks = 4,
        Faults = [new KeepBlockFault(0, FailAfterFraction: 0.5), new KeepBlockFault(1, Corrupt: true), new KeepBlockFault(2, Missing: true)],
        Loads = [new KeepLoad(KeepLoadKind.Herd) { Clients = 30, RequestsPerClient = 4, SpreadMs = 10, Keys = KeyDistribution.List(0, 1, 2, 3) }],
    };

    public static IReadOnlyList<KeepScenario> All { get; } = [JobStartHerd, Zipf, Overload, VolumeFailure];
}
