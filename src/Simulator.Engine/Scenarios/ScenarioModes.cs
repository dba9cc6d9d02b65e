using BufferLab.Simulator.Engine.Models.Keep;
using BufferLab.Simulator.Engine.Scenarios.Filestore;
using BufferLab.Simulator.Engine.Scenarios.Fuse;
using BufferLab.Simulator.Engine.Scenarios.Keep;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>The same workload on another server or daemon (keep and FUSE modes) or reader (filestore), by name, for every edge that takes one.</summary>
public static class ScenarioModes
{
    private static readonly string[] KeepModes = ["current", "legacy", "coalescing"];
    private static readonly string[] FuseModes = ["master", "vectored", "contiguous-large"];
    private static readonly string[] Readers = ["std", "mmap"];

    /// <summary>The modes <paramref name="scenario"/> runs in, first the default; empty when it has none.</summary>
    public static IReadOnlyList<string> ModesOf(IScenario scenario) => scenario switch
    {
        KeepScenario => KeepModes,
        FuseScenario => FuseModes,
        _ => [],
    };

    /// <summary>The readers <paramref name="scenario"/> runs with; empty when it has none.</summary>
    public static IReadOnlyList<string> ReadersOf(IScenario scenario) => scenario is FilestoreScenario ? Readers : [];

    /// <summary>The scenario in <paramref name="mode"/>, one of <see cref="ModesOf"/> (anything else throws <see cref="ArgumentException"/>).</summary>
    public static IScenario WithMode(IScenario scenario, string mode) => (scenario, mode) switch
    {
        (KeepScenario keep, "current") => keep.WithMode(KeepServerMode.Current),
        (KeepScenario keep, "legacy") => keep.WithMode(KeepServerMode.Legacy),
        (KeepScenario keep, "coalescing") => keep.WithMode(KeepServerMode.Coalescing),
        (FuseScenario fuse, "master") => fuse.WithMode(FuseMode.Master),
        (FuseScenario fuse, "vectored") => fuse.WithMode(FuseMode.Vectored),
        (FuseScenario fuse, "contiguous-large") => fuse.WithMode(FuseMode.ContiguousLarge),
        _ => throw new ArgumentException($"'{scenario.Name}' has no mode '{mode}'", nameof(mode)),
    };

    /// <summary>The filestore scenario with <paramref name="reader"/>, one of <see cref="ReadersOf"/>.</summary>
    public static IScenario WithReader(IScenario scenario, string reader) => (scenario, reader) switch
    {
        (FilestoreScenario filestore, "std") => filestore.WithReader(ReaderKind.Std),
        (FilestoreScenario filestore, "mmap") => filestore.WithReader(ReaderKind.Mmap),
        _ => throw new ArgumentException($"'{scenario.Name}' has no reader '{reader}'", nameof(reader)),
    };
}
