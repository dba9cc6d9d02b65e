using System.Globalization;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>Byte counts as people write them in scenario files: 4096, 256KiB, 4MiB, 1GiB (K, M, G and KB, MB, GB mean the same binary units).</summary>
public static class SizeText
{
    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10),
        ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("g", 1L << 30), ("m", 1L << 20), ("k", 1L << 10), ("B", 1),
    ];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        string value = (text ?? "").Trim();
        long scale = 1;
        foreach ((string unit, long size) in Units)
        {
            if (value.EndsWith(unit, StringComparison.Ordinal))
            {
                value = value[..^unit.Length].TrimEnd();
                scale = size;
                break;
            }
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number > long.MaxValue / scale)
        {
            return false;
        }

        bytes = number * scale;
        return true;
    }

    /// <summary>The shortest exact form: 4MiB, 300KiB, 12345.</summary>
    public static string Format(long bytes) =>
        bytes != 0 && bytes % (1L << 30) == 0 ? $"{bytes >> 30}GiB"
        : bytes != 0 && bytes % (1L << 20) == 0 ? $"{bytes >> 20}MiB"
        : bytes != 0 && bytes % (1L << 10) == 0 ? $"{bytes >> 10}KiB"
        : bytes.ToString(CultureInfo.InvariantCulture);
}
