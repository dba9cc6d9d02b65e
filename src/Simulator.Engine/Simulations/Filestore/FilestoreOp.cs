using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>One op of a filestore op string: `w5` writes chunk 5 (writers take the writes in turn), `r5` reads it (readers take the reads in turn, each once the chunk is written).</summary>
public sealed record FilestoreOp(bool Write, int Chunk)
{
    public const string Grammar = "expected wN (write chunk N) or rN (read chunk N), as in w5 or r5";

    public override string ToString() => $"{(Write ? 'w' : 'r')}{Chunk}";

    public static FilestoreOp? TryParse(string token, out string? error)
    {
        error = null;
        if (token.Length < 2 || token[0] is not ('w' or 'r') || !int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int chunk))
        {
            error = Grammar;
            return null;
        }

        return new FilestoreOp(token[0] == 'w', chunk);
    }
}
