using BufferLab.Simulator.Engine.Models.Keep;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Scenarios.Keep;

/// <summary>
/// A keepstore workload: <see cref="Blocks"/> blocks of real random bytes stored on the volumes,
/// faults on some of them, and phases of load whose every request is drawn (from the seed) when
/// the run is built. The same scenario runs in any <see cref="KeepServerMode"/>.
/// </summary>
public sealed record KeepScenario : IScenario
{
    public const int MaxBlocks = 4096;

    /// <summary>Most bytes a run may store or send in total (requests × block size, plus the stored blocks).</summary>
    public const long MaxMovedBytes = 8L << 30;

    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public string System => KeepModel.SystemId;

    public KeepConfig Config { get; init; } = new();

    public int Blocks { get; init; } = 4;

    /// <summary>Block size at scale 1 (keepstore's maximum, 64 MiB, by default); divided by the scale.</summary>
    public int BlockBytes { get; init; } = KeepConfig.FullBlockSize;

    public IReadOnlyList<KeepLoad> Loads { get; init; } = [];

    public IReadOnlyList<KeepBlockFault> Faults { get; init; } = [];

    public KeepScenario WithMode(KeepServerMode mode) => this with { Config = Config with { Mode = mode } };

    /// <summary>The first problem with this scenario, naming the field; null when it can run.</summary>
    public string? Problem()
    {
        if (Config.Problem() is { } config)
        {
            return config;
        }

        if (Blocks is < 1 or > MaxBlocks)
        {
            return $"blocks must be from 1 to {MaxBlocks}, got {Blocks}";
        }

        if (BlockBytes < 1 || BlockBytes > KeepConfig.FullBlockSize || BlockBytes / Config.Scale < 1)
        {
            return $"blockBytes must be from {Config.Scale} (the scale) to {KeepConfig.FullBlockSize}, got {BlockBytes}";
        }

        if (Loads.Count == 0)
        {
            return "a keep scenario needs at least one load phase";
        }

        for (int i = 0; i < Loads.Count; i++)
        {
            if (Loads[i].Problem(Blocks) is { } load)
            {
                return $"loads[{i}]: {load}";
            }
        }

        for (int i = 0; i < Faults.Count; i++)
        {
            KeepBlockFault fault = Faults[i];
            if (fault.Block < 0 || fault.Block >= Blocks)
            {
                return $"faults[{i}].block must be from 0 to {Blocks - 1}, got {fault.Block}";
            }

            if (fault.FailAfterFraction is { } f && !(f is >= 0 and < 1))
            {
                return $"faults[{i}].failAfterFraction must be from 0 to below 1, got {f}";
            }
        }

        long requests = Loads.Sum(l => l.RequestCount);
        if (requests > KeepLoad.MaxRequests)
        {
            return $"the loads send {requests} requests in all; at most {KeepLoad.MaxRequests}";
        }

        long moved = (requests + Blocks) * (long)(BlockBytes / Config.Scale);
        return moved > MaxMovedBytes ? $"this run would move {moved} bytes (requests × block size); at most {MaxMovedBytes} — raise scale or lower the load" : null;
    }

    public ISimulationModel Build(RunContext context)
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var model = new KeepModel(Config, context);
        int blockSize = BlockBytes / Config.Scale;
        SeededRandom content = context.Random.Fork("keep.blocks");
        var locators = new KeepLocator[Blocks];
        for (int i = 0; i < Blocks; i++)
        {
            byte[] data = new byte[blockSize];
            content.NextBytes(data);
            KeepBlockFault? fault = Faults.LastOrDefault(f => f.Block == i);
            locators[i] = fault is { Missing: true } ? KeepLocator.Of(data) : model.StoreBlock(data);
            if (fault is not null && !fault.Missing)
            {
                model.InjectFault(locators[i].Hash, new VolumeFault(
                    fault.FailAfterFraction is { } f ? (int)(f * blockSize) : null, fault.Corrupt));
            }
        }

        var workload = new KeepWorkloadBuilder(model, context, locators, blockSize);
        for (int i = 0; i < Loads.Count; i++)
        {
            workload.Spawn(Loads[i], i);
        }

        model.StartGarbageCollector();
        return model;
    }
}
