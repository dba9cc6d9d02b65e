using System.Security.Cryptography;
using BufferLab.Simulator.Web.History;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// A presentation's two names: the follow link's code, 128 random bits (22 characters, as a saved
/// run's link: it cannot be guessed), and a short code to read aloud, 6 characters of an alphabet
/// without look-alikes (0/O, 1/I/L), about a billion values: enough for the few presentations alive
/// at once, and it only resolves while its presentation lives.
/// </summary>
public static class PresentationCodes
{
    public const int ShortLength = 6;

    private const string ShortAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewCode() => HistoryKey.New();

    public static string NewShortCode() => RandomNumberGenerator.GetString(ShortAlphabet, ShortLength);

    public static bool IsCode(string? text) => HistoryKey.IsWellFormed(text);

    /// <summary>The short code in <paramref name="text"/> as people type it (any case, spaces or dashes between), or null when it is not one.</summary>
    public static string? NormalizeShort(string? text)
    {
        if (text is null || text.Length > 20)
        {
            return null;
        }

        string code = new([.. text.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return code.Length == ShortLength && code.All(ShortAlphabet.Contains) ? code : null;
    }

    /// <summary>"K7PQ4X" as "K7P 4QX": easier to read aloud.</summary>
    public static string Spaced(string shortCode) => shortCode.Length == ShortLength ? $"{shortCode[..3]} {shortCode[3..]}" : shortCode;
}
