using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// The FUSE page's URL state: `?scenario=fuse-large-write-4m&amp;seed=1&amp;step=0&amp;mode=vectored&amp;compare=contiguous-large`
/// and optionally the mount as <see cref="FuseChoices"/> writes it: `page=65536&amp;maxmsg=4&amp;limit=1024&amp;vreads=0&amp;vwrites=1`
/// (page size, MaxMessageSize in MiB, max_pages_limit, PR #198's vectored reads and writes apart from the mode).
/// </summary>
public sealed record FuseQuery(string Scenario, ulong Seed, string? Step, string Mode, string? Compare, FuseChoices Mount)
{
    public const string DefaultScenario = "fuse-large-write-4m";

    /// <summary>The mount's keys: every FUSE choice but the daemon.</summary>
    public static readonly IReadOnlyList<string> MountKeys = [.. FuseChoices.Keys.Where(k => k != FuseChoices.Modes.Key)];

    public static FuseQuery Parse(IReadOnlyDictionary<string, string?> query, out List<string> problems)
    {
        problems = [];
        ulong seed = QueryValues.Seed(query, problems);
        string mode = ChoiceQuery.Chosen(query, FuseChoices.Modes, problems, FuseMode.Vectored);
        string? compare = ChoiceQuery.Compare(query, FuseChoices.Modes, mode, DefaultCompare(mode), problems);
        FuseChoices mount = FuseChoices.Parse(ChoiceQuery.Valid(query, MountKeys, v => FuseChoices.Parse(v), problems, "using the scenario's"));
        return new FuseQuery(QueryValues.Value(query, "scenario") ?? DefaultScenario, seed, QueryValues.Value(query, "step"), mode, compare, mount);
    }

    public static string Format(string scenario, ulong seed, int step, string mode, string? compare, FuseChoices mount) =>
        string.Join('&', [
            string.Create(CultureInfo.InvariantCulture, $"scenario={Uri.EscapeDataString(scenario)}&seed={seed}&step={step}&mode={mode}&compare={compare ?? "none"}"),
            .. (mount with { Mode = null }).ToQuery().Select(c => $"{c.Key}={Uri.EscapeDataString(c.Value)}")]);

    /// <summary>Vectored against its contiguous twin; master against vectored.</summary>
    public static string DefaultCompare(string mode) => mode == "vectored" ? "contiguous-large" : "vectored";
}
