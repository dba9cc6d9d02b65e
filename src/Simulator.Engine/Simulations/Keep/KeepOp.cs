using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// One request of a keep op string: `g3` GETs block 3, `p` PUTs a new block, `p[hot,archive]` one
/// that asks for those storage classes (X-Keep-Storage-Classes); `^` adds an Origin header
/// (priority 1) and `x800` makes the client disconnect 800 ms after it arrives, as in `g3^x800`.
/// A `p` without brackets asks for no class, as every op string before the brackets existed.
/// </summary>
public sealed record KeepOp(int Block, bool Put, long Priority, double? DisconnectAfterMs)
{
    public const string Grammar = "expected gN (GET block N) or p (PUT a new block) with optional [class,...], then optionally ^ (Origin header) and xMS (disconnect after MS ms), as in g3^x800 or p[hot,archive]";

    /// <summary>Most storage classes one PUT may ask for, and the longest name.</summary>
    public const int MaxStorageClasses = 16;
    public const int MaxClassLength = 64;

    /// <summary>What a storage class name asked for by a PUT may hold: it travels in a comma-separated header and in op strings.</summary>
    public const string ClassNameRule = "a storage class a PUT asks for is 1 to 64 characters without spaces, commas or brackets";

    /// <summary>The storage classes a PUT asks for; none means any.</summary>
    public IReadOnlyList<string> StorageClasses { get; init; } = [];

    public bool Equals(KeepOp? other) =>
        other is not null && Block == other.Block && Put == other.Put && Priority == other.Priority
        && DisconnectAfterMs == other.DisconnectAfterMs && StorageClasses.SequenceEqual(other.StorageClasses, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Block, Put, Priority, DisconnectAfterMs, StorageClasses.Count);

    /// <summary>Whether <paramref name="name"/> may be asked for by a PUT (and so be written in an op).</summary>
    public static bool IsClassName(string name) =>
        name.Length is > 0 and <= MaxClassLength && !name.Any(c => char.IsWhiteSpace(c) || c is ',' or '[' or ']');

    public override string ToString()
    {
        var text = new StringBuilder(Put ? "p" : $"g{Block}");
        if (StorageClasses.Count > 0)
        {
            text.Append('[').AppendJoin(',', StorageClasses).Append(']');
        }

        if (Priority > 0)
        {
            text.Append('^');
        }

        if (DisconnectAfterMs is { } ms)
        {
            text.Append('x').Append(ms.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Parses one token; the error says what was expected.</summary>
    public static KeepOp? TryParse(string token, out string? error)
    {
        error = null;
        int i = 0;
        int block = -1;
        bool put;
        if (token.StartsWith('p'))
        {
            put = true;
            i = 1;
        }
        else if (token.StartsWith('g'))
        {
            put = false;
            int start = ++i;
            while (i < token.Length && char.IsAsciiDigit(token[i]))
            {
                i++;
            }

            if (i == start || !int.TryParse(token.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out block))
            {
                error = "a GET needs a block index, as in g3";
                return null;
            }
        }
        else
        {
            error = Grammar;
            return null;
        }

        IReadOnlyList<string> classes = [];
        if (i < token.Length && token[i] == '[')
        {
            int close = token.IndexOf(']', i);
            if (!put)
            {
                error = "storage classes go with a PUT, as in p[hot,archive]";
                return null;
            }

            if (close < 0)
            {
                error = "a PUT's storage classes end with ], as in p[hot,archive]";
                return null;
            }

            string[] names = token[(i + 1)..close].Split(',');
            if (names.Length > MaxStorageClasses || !names.All(IsClassName))
            {
                error = $"{ClassNameRule}, at most {MaxStorageClasses} of them, as in p[hot,archive]";
                return null;
            }

            classes = names;
            i = close + 1;
        }

        long priority = 0;
        if (i < token.Length && token[i] == '^')
        {
            priority = 1;
            i++;
        }

        double? disconnect = null;
        if (i < token.Length && token[i] == 'x')
        {
            if (!double.TryParse(token.AsSpan(i + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double ms) || ms > KeepLoad.MaxMs)
            {
                error = $"x needs the milliseconds until the client disconnects (0 to {KeepLoad.MaxMs}), as in x800";
                return null;
            }

            disconnect = ms;
            i = token.Length;
        }

        if (i != token.Length)
        {
            error = Grammar;
            return null;
        }

        return new KeepOp(block, put, priority, disconnect) { StorageClasses = classes };
    }
}
