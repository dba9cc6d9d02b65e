using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// The FUSE page's URL state: `?scenario=fuse-large-write-4m&amp;seed=1&amp;step=0&amp;mode=vectored&amp;compare=contiguous-large`
/// and optionally `page=65536&amp;maxmsg=4&amp;limit=1024&amp;vreads=0&amp;vwrites=1` (page size, MaxMessageSize in MiB,
/// max_pages_limit, PR #198's vectored reads and writes apart from the mode).
/// </summary>
public sealed record FuseQuery(string Scenario, ulong Seed, string? Step, string Mode, string? Compare, int? PageSize, int? MaxMessageMiB, int? MaxPagesLimit, bool? VectoredReads = null, bool? VectoredWrites = null)
{
    public const string DefaultScenario = "fuse-large-write-4m";

    public static readonly IReadOnlyList<string> Modes = FuseChoices.Modes.Names;

    public static FuseQuery Parse(IReadOnlyDictionary<string, string?> query, out List<string> problems)
    {
        problems = [];
        ulong seed = QueryValues.Seed(query, problems);
        string mode = QueryValues.OneOf(query, "mode", Modes, "vectored", problems);

        string? compare = (QueryValues.Value(query, "compare") ?? DefaultCompare(mode)).ToLowerInvariant();
        if (compare == "none" || compare == mode)
        {
            compare = null;
        }
        else if (!Modes.Contains(compare))
        {
            problems.Add($"compare '{compare}' is not one of {string.Join(", ", Modes)} or none; comparing with {DefaultCompare(mode)}");
            compare = DefaultCompare(mode);
        }

        return new FuseQuery(QueryValues.Value(query, "scenario") ?? DefaultScenario, seed, QueryValues.Value(query, "step"), mode, compare,
            Number(query, "page", problems), Number(query, "maxmsg", problems), Number(query, "limit", problems), Flag(query, "vreads", problems), Flag(query, "vwrites", problems));
    }

    public static string Format(string scenario, ulong seed, int step, string mode, string? compare, int? pageSize, int? maxMessageMiB, int? limit, bool? vectoredReads = null, bool? vectoredWrites = null)
    {
        var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"scenario={Uri.EscapeDataString(scenario)}&seed={seed}&step={step}&mode={mode}&compare={compare ?? "none"}"));
        if (pageSize is { } page) { text.Append(CultureInfo.InvariantCulture, $"&page={page}"); }
        if (maxMessageMiB is { } maxmsg) { text.Append(CultureInfo.InvariantCulture, $"&maxmsg={maxmsg}"); }
        if (limit is { } l) { text.Append(CultureInfo.InvariantCulture, $"&limit={l}"); }
        if (vectoredReads is { } reads) { text.Append(reads ? "&vreads=1" : "&vreads=0"); }
        if (vectoredWrites is { } writes) { text.Append(writes ? "&vwrites=1" : "&vwrites=0"); }
        return text.ToString();
    }

    /// <summary>Vectored against its contiguous twin; master against vectored.</summary>
    public static string DefaultCompare(string mode) => mode == "vectored" ? "contiguous-large" : "vectored";

    private static bool? Flag(IReadOnlyDictionary<string, string?> query, string key, List<string> problems)
    {
        switch (QueryValues.Value(query, key))
        {
            case null: return null;
            case "1" or "true": return true;
            case "0" or "false": return false;
            case { } text:
                problems.Add($"{key} '{text}' is not 1 or 0; using the daemon's default");
                return null;
        }
    }

    private static int? Number(IReadOnlyDictionary<string, string?> query, string key, List<string> problems)
    {
        if (QueryValues.Value(query, key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        problems.Add($"{key} '{text}' is not a whole number; using the scenario's");
        return null;
    }
}
