using System.Buffers.Text;
using System.Security.Cryptography;

namespace BufferLab.Simulator.Web.History;

/// <summary>
/// The history's secrets: a browser's owner key and a saved run's link token are each 128 random
/// bits in base64url (22 characters), so neither can be guessed or counted up to like a run's id.
/// </summary>
public static class HistoryKey
{
    /// <summary>Characters of a key: 16 bytes in unpadded base64url.</summary>
    public const int Length = 22;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="text"/> has a key's shape; anything else (any length, any other character) is refused before it reaches the database.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
