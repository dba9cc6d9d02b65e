using System.Globalization;
using BufferLab.Simulator.Engine.Models.Keep;
using BufferLab.Simulator.Engine.Scenarios.Filestore;
using BufferLab.Simulator.Engine.Scenarios.Fuse;
using BufferLab.Simulator.Engine.Scenarios.Keep;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>Which page shows which system, and the links that open a scenario there as its file wrote it.</summary>
public static class SystemPages
{
    /// <summary>The Scenarios page: the presets, and the editor.</summary>
    public const string Scenarios = "/scenarios";

    /// <summary>The page of <paramref name="system"/> (a scenario file's `system:`).</summary>
    public static string PathOf(string system) => system switch
    {
        "stratum-v2" => "/stratum",
        "keep" => "/keep",
        "filestore" => "/filestore",
        "fuse" => "/fuse",
        _ => throw new ArgumentException($"no page shows system '{system}'", nameof(system)),
    };

    /// <summary>The page's name in the navigation.</summary>
    public static string TitleOf(string system) => system switch
    {
        "stratum-v2" => "Stratum V2 pool",
        "keep" => "Keepstore buffers",
        "filestore" => "Filestore readers",
        "fuse" => "FUSE buffers",
        _ => system,
    };

    /// <summary>
    /// Opens <paramref name="scenario"/> (named <paramref name="key"/>: a preset or a library id) on
    /// its page with <paramref name="seed"/> and the mode, reader or variant its file chose: a page
    /// otherwise runs its own default (the FUSE page: vectored), not the file's.
    /// </summary>
    public static string Open(string key, IScenario scenario, ulong? seed = null) =>
        QueryValues.Link(PathOf(scenario.System), ("scenario", key), ("seed", seed?.ToString(CultureInfo.InvariantCulture)), Choice(scenario));

    /// <summary>The scenario's title as its file gives it.</summary>
    public static string TitleOf(IScenario scenario) => scenario switch
    {
        Sv2Scenario s => s.Title,
        KeepScenario k => k.Title,
        FilestoreScenario f => f.Title,
        FuseScenario f => f.Title,
        _ => scenario.Name,
    };

    private static (string Key, string? Value) Choice(IScenario scenario) => scenario switch
    {
        KeepScenario k => ("mode", k.Config.Mode switch { KeepServerMode.Legacy => "legacy", KeepServerMode.Coalescing => "coalescing", _ => "current" }),
        FuseScenario f => ("mode", f.Mode switch { FuseMode.Vectored => "vectored", FuseMode.ContiguousLarge => "contiguous-large", _ => "master" }),
        FilestoreScenario f => ("reader", f.Config.Reader == ReaderKind.Mmap ? "mmap" : "std"),
        Sv2Scenario s => ("variant", s.Variant == Sv2Variant.Fixed ? "fixed" : null),
        _ => ("", null),
    };
}
