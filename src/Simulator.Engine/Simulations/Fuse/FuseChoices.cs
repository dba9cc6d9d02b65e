using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// FUSE's choices: the daemon (<c>mode=master|vectored|contiguous-large</c>) and the mount's sizes
/// and PR #198 switches: <c>page</c> (bytes), <c>maxmsg</c> (MaxMessageSize in MiB), <c>limit</c>
/// (max_pages_limit), <c>vreads</c> and <c>vwrites</c> (1 or 0).
/// </summary>
public sealed record FuseChoices(FuseMode? Mode = null, int? PageSize = null, uint? MaxMessageSize = null, int? MaxPagesLimit = null, bool? VectoredReads = null, bool? VectoredWrites = null)
    : ISystemChoices
{
    public static readonly ChoiceTable<FuseMode> Modes = new("mode",
        ("master", FuseMode.Master, "master"), ("vectored", FuseMode.Vectored, "PR #198 vectored"), ("contiguous-large", FuseMode.ContiguousLarge, "PR #198 contiguous"));

    /// <summary>The URL query keys, in the order links write them.</summary>
    public static readonly string[] Keys = [Modes.Key, "page", "maxmsg", "limit", "vreads", "vwrites"];

    /// <summary>The largest MaxMessageSize a URL may ask for, in MiB (the scenario's own limit).</summary>
    public const int MaxMessageMiB = 16;

    public static FuseChoices Parse(IReadOnlyDictionary<string, string?> values) => new(
        values.GetValueOrDefault(Modes.Key) is { Length: > 0 } mode ? Modes.Parse(mode) : null,
        Number(values, "page", 1, 1 << 20),
        MessageSize(values),
        Number(values, "limit", 1, 65535),
        Flag(values, "vreads"),
        Flag(values, "vwrites"));

    public IScenario ApplyTo(IScenario scenario)
    {
        var fuse = (FuseScenario)scenario;
        fuse = fuse with
        {
            Mode = Mode ?? fuse.Mode, PageSize = PageSize ?? fuse.PageSize, MaxMessageSize = MaxMessageSize ?? fuse.MaxMessageSize,
            MaxPagesLimit = MaxPagesLimit ?? fuse.MaxPagesLimit, VectoredReads = VectoredReads ?? fuse.VectoredReads, VectoredWrites = VectoredWrites ?? fuse.VectoredWrites,
        };
        return fuse.Problem() is { } problem ? throw new ChoiceException(problem) : fuse;
    }

    public IEnumerable<(string Key, string Value)> ToQuery()
    {
        var pairs = new (string Key, string? Value)[]
        {
            (Modes.Key, Mode is { } mode ? Modes.NameOf(mode) : null),
            ("page", Text(PageSize)),
            ("maxmsg", MaxMessageSize is { } bytes ? MessageSizeText(bytes) : null),
            ("limit", Text(MaxPagesLimit)),
            ("vreads", VectoredReads is { } reads ? (reads ? "1" : "0") : null),
            ("vwrites", VectoredWrites is { } writes ? (writes ? "1" : "0") : null),
        };
        return pairs.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!));
    }

    public IEnumerable<(string Path, string Value)> ToFile()
    {
        var pairs = new (string Path, string? Value)[]
        {
            ("options.mode", Mode is { } mode ? Modes.NameOf(mode) : null),
            ("options.pageSize", Text(PageSize)),
            ("options.maxMessageSize", MaxMessageSize?.ToString(CultureInfo.InvariantCulture)),
            ("options.maxPagesLimit", Text(MaxPagesLimit)),
            ("options.vectoredReads", VectoredReads is { } reads ? (reads ? "true" : "false") : null),
            ("options.vectoredWrites", VectoredWrites is { } writes ? (writes ? "true" : "false") : null),
        };
        return pairs.Where(p => p.Value is not null).Select(p => (p.Path, p.Value!));
    }

    /// <summary>
    /// <c>maxmsg</c>: a bare number counts MiB, as the pages write it (<c>maxmsg=4</c>); a size with a
    /// unit is exact (<c>1536KiB</c>, <c>1000000B</c>), as the hub's byte counts are written.
    /// </summary>
    private static uint? MessageSize(IReadOnlyDictionary<string, string?> values)
    {
        if (values.GetValueOrDefault("maxmsg")?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        long bytes = text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int mib) ? (long)mib << 20
            : SizeText.TryParse(text, out long size) ? size : -1;
        return bytes is >= 0 and <= (long)MaxMessageMiB << 20
            ? (uint)bytes
            : throw new ChoiceException($"maxmsg must be a whole number of MiB from 0 to {MaxMessageMiB} (or a size such as 1536KiB), got '{text}'");
    }

    private static string MessageSizeText(uint bytes) =>
        bytes % (1u << 20) == 0 ? Text((int)(bytes >> 20))! : SizeText.Format(bytes) is var size && size.All(char.IsAsciiDigit) ? size + "B" : size;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static int? Number(IReadOnlyDictionary<string, string?> values, string key, int min, int max)
    {
        if (values.GetValueOrDefault(key) is not { Length: > 0 } text)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new ChoiceException($"{key} must be a whole number from {min} to {max}, got '{text}'");
    }

    private static bool? Flag(IReadOnlyDictionary<string, string?> values, string key) => values.GetValueOrDefault(key)?.Trim() switch
    {
        null or "" => null,
        "1" or "true" => true,
        "0" or "false" => false,
        { } text => throw new ChoiceException($"{key} must be 1 or 0, got '{text}'"),
    };
}
