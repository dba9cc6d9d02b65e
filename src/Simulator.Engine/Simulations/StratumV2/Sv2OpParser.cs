using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Parses buffer_sv2 op strings such as `+1:5 +2:5 w3:4 w3:2+g -1,2 c3>9`, with bounds on every
/// number a client can send and errors that say which token is wrong and what was expected.
/// </summary>
public static class Sv2OpParser
{
    /// <summary>Largest slice id accepted.</summary>
    public const int MaxId = 1_000_000;

    /// <summary>Largest single get_writable accepted (16 MiB).</summary>
    public const int MaxChunkBytes = 16 * 1024 * 1024;

    /// <summary>Most ops in one op string or script.</summary>
    public const int MaxOps = OpString.MaxOps;

    private const string Grammar = "expected +ID:N, wID:N, wID:N+g, gID, -ID[,ID...] or cID>NEWID";

    /// <summary>Parses a whitespace-separated op string; the error names the 1-based column of the bad token.</summary>
    public static IReadOnlyList<Sv2Op> ParseOps(string text) =>
        OpString.TryParse<Sv2Op>(text, ParseToken, out var error) ?? throw new Sv2ParseException($"column {error!.Value.Column}: {error.Value.Message}");

    /// <summary>One op token, or null and what was wrong (the shape <see cref="OpString"/> takes).</summary>
    public static Sv2Op? ParseToken(string token, out string? error) => TryParse(token, out Sv2Op? op, out error) ? op : null;

    /// <summary>Parses one op token.</summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out Sv2Op? op, [NotNullWhen(false)] out string? error)
    {
        op = null;
        error = null;
        if (token.Length < 2)
        {
            error = Grammar;
            return false;
        }

        string body = token[1..];
        switch (token[0])
        {
            case '+':
                if (SplitIdLength(body, out int id, out int length, out error))
                {
                    op = new Sv2Op(Sv2OpKind.Message, token, id, length);
                }

                break;
            case 'w':
                bool thenGet = body.EndsWith("+g", StringComparison.Ordinal);
                if (SplitIdLength(thenGet ? body[..^2] : body, out id, out length, out error))
                {
                    op = new Sv2Op(thenGet ? Sv2OpKind.ChunkThenGet : Sv2OpKind.Chunk, token, id, length);
                }

                break;
            case 'g':
                if (TryNumber(body, 1, MaxId, "ID", out id, out error))
                {
                    op = new Sv2Op(Sv2OpKind.Get, token, id);
                }

                break;
            case '-':
                var ids = new List<int>();
                foreach (string part in body.Split(','))
                {
                    if (!TryNumber(part, 1, MaxId, "ID", out id, out error))
                    {
                        return false;
                    }

                    ids.Add(id);
                }

                op = new Sv2Op(Sv2OpKind.Drop, token, ids[0], 0, ids);
                break;
            case 'c':
                string[] pair = body.Split('>');
                if (pair.Length != 2)
                {
                    error = "expected cID>NEWID";
                }
                else if (TryNumber(pair[0], 1, MaxId, "ID", out id, out error) && TryNumber(pair[1], 1, MaxId, "NEWID", out int cloneId, out error))
                {
                    op = new Sv2Op(Sv2OpKind.Clone, token, id, cloneId);
                }

                break;
            default:
                error = Grammar;
                break;
        }

        return op is not null;
    }

    private static bool SplitIdLength(string body, out int id, out int length, [NotNullWhen(false)] out string? error)
    {
        id = length = 0;
        int colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = "expected ID:N (a slice id, a colon, a byte count)";
            return false;
        }

        return TryNumber(body[..colon], 1, MaxId, "ID", out id, out error)
            && TryNumber(body[(colon + 1)..], 0, MaxChunkBytes, "N", out length, out error);
    }

    private static bool TryNumber(string text, int min, int max, string what, out int value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            value = 0;
            error = $"{what} must be a whole number from {min} to {max}, got '{text}'";
            return false;
        }

        return true;
    }
}
