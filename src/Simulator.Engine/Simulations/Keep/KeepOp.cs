using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// One request of a keep op string: `g3` GETs block 3, `p` PUTs a new block; `^` adds an Origin
/// header (priority 1) and `x800` makes the client disconnect 800 ms after it arrives, as in `g3^x800`.
/// </summary>
public sealed record KeepOp(int Block, bool Put, long Priority, double? DisconnectAfterMs)
{
    public const string Grammar = "expected gN (GET block N) or p (PUT a new block), then optionally ^ (Origin header) and xMS (disconnect after MS ms), as in g3^x800";

    public override string ToString()
    {
        var text = new StringBuilder(Put ? "p" : $"g{Block}");
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

        return new KeepOp(block, put, priority, disconnect);
    }
}
