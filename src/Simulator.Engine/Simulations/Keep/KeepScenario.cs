using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// A keepstore workload: <see cref="Blocks"/> blocks of real random bytes stored on the volumes,
/// faults on some of them, and phases of load run in order, whose requests are drawn (from the seed)
/// when each phase starts, or replayed from a trace. The same scenario runs in any <see cref="KeepServerMode"/>.
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

    /// <summary>The load phases, run in order.</summary>
    public IReadOnlyList<KeepLoad> Phases { get; init; } = [];

    public IReadOnlyList<KeepBlockFault> Faults { get; init; } = [];

    /// <summary>A recorded trace to send instead of drawing the phases' requests.</summary>
    public WorkloadTrace? Replay { get; init; }

    public KeepScenario WithMode(KeepServerMode mode) => this with { Config = Config with { Mode = mode } };

    /// <summary>Every problem with this scenario, by its path in a scenario file.</summary>
    public IEnumerable<FieldProblem> Problems()
    {
        List<FieldProblem> config = [.. Config.Problems()];
        foreach (FieldProblem problem in config)
        {
            yield return problem with { Field = $"options.{problem.Field}" };
        }

        if (Blocks is < 1 or > MaxBlocks)
        {
            yield return new("options.blocks", $"must be from 1 to {MaxBlocks}, got {Blocks}");
        }

        if (config.Count == 0 && (BlockBytes < 1 || BlockBytes > KeepConfig.FullBlockSize || BlockBytes / Config.Scale < 1))
        {
            yield return new("options.blockBytes", $"must be from {Config.Scale} (the scale) to {KeepConfig.FullBlockSize}, got {BlockBytes}");
        }

        if (Phases.Count == 0)
        {
            yield return new("phases", "a keep scenario needs at least one phase");
        }

        int blocks = Math.Clamp(Blocks, 1, MaxBlocks);
        bool phasesFine = true;
        for (int i = 0; i < Phases.Count; i++)
        {
            foreach (FieldProblem problem in Phases[i].Problems(blocks))
            {
                phasesFine = false;
                yield return problem with { Field = $"phases[{i}].{problem.Field}" };
            }
        }

        for (int i = 0; i < Faults.Count; i++)
        {
            KeepBlockFault fault = Faults[i];
            if (fault.Block < 0 || fault.Block >= Blocks)
            {
                yield return new($"options.faults[{i}].block", $"must be from 0 to {Blocks - 1}, got {fault.Block}");
            }

            if (fault.FailAfterFraction is { } f && !(f is >= 0 and < 1))
            {
                yield return new($"options.faults[{i}].failAfterFraction", $"must be from 0 to below 1, got {f}");
            }
        }

        if (!phasesFine || config.Count > 0)
        {
            yield break;
        }

        long requests = Phases.Sum(l => l.RequestCount);
        long moved = (requests + Blocks) * (long)(BlockBytes / Math.Max(1, Config.Scale));
        if (requests > KeepLoad.MaxRequests)
        {
            yield return new("phases", $"the phases send {requests} requests in all; at most {KeepLoad.MaxRequests}");
        }
        else if (moved > MaxMovedBytes)
        {
            yield return new("phases", $"this run would move {moved} bytes (requests × block size); at most {MaxMovedBytes}", "raise options.scale or lower the load");
        }
    }

    /// <summary>The first problem as one line, or null when it can run.</summary>
    public string? Problem() => FieldProblem.FirstOf(Problems());

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

        new KeepWorkloadBuilder(model, context, locators, blockSize).Start(Phases, Replay);

        model.StartGarbageCollector();
        return model;
    }
}
