using System.Globalization;
using System.Security.Cryptography;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>Mirrors getLocatorInfo in services/keepstore/keepstore.go: "hash+size+hints", a 32-digit lower-case MD5 first.</summary>
public sealed record KeepLocator(string Hash, int Size)
{
#pragma warning disable CA5351 // Keep names blocks by MD5; this is an identifier, not security
    public static KeepLocator Of(ReadOnlySpan<byte> data) => new(Convert.ToHexStringLower(MD5.HashData(data)), data.Length);
#pragma warning restore CA5351

    /// <summary>The locator's hash and size; null when it is invalid (errInvalidLocator) — a size, if any, must be the first hint.</summary>
    public static KeepLocator? Parse(string locator)
    {
        string[] parts = locator.Split('+');
        if (parts.Any(p => p.Length == 0) || parts[0].Length != 32 || !parts[0].All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return null;
        }

        int size = 0;
        for (int i = 1; i < parts.Length; i++)
        {
            if (char.IsAsciiDigit(parts[i][0]))
            {
                if (i > 1)
                {
                    return null;
                }

                _ = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out size);
            }
        }

        return new KeepLocator(parts[0], size);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hash}+{Size}");
}
