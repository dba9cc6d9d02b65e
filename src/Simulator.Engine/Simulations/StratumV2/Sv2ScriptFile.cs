using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Reads scripts in the format of shared/vectors/buffer_sv2-traces.txt: `# script NAME cap=N`
/// starts a script; on other lines the op is what stands before ` | `; everything after it, other
/// comment lines and blank lines are ignored.
/// </summary>
public static class Sv2ScriptFile
{
    /// <summary>Largest pool capacity a script may ask for (64 MiB).</summary>
    public const int MaxCapacity = 64 * 1024 * 1024;

    public static IReadOnlyList<Sv2Script> Parse(TextReader reader)
    {
        var scripts = new List<Sv2Script>();
        string? name = null;
        int capacity = 0, headerLine = 0, lineNumber = 0, totalOps = 0;
        var ops = new List<Sv2Op>();
        var lines = new List<int>();

        void Close()
        {
            if (name is not null)
            {
                scripts.Add(new Sv2Script(name, capacity, headerLine, ops.ToArray(), lines.ToArray()));
            }

            ops.Clear();
            lines.Clear();
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.StartsWith("# script", StringComparison.Ordinal))
            {
                Close();
                (name, capacity) = ParseHeader(trimmed, lineNumber);
                headerLine = lineNumber;
                continue;
            }

            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            int bar = trimmed.IndexOf(" |", StringComparison.Ordinal);
            string token = (bar >= 0 ? trimmed[..bar] : trimmed).Trim();
            if (name is null)
            {
                throw new Sv2ParseException($"line {lineNumber}: op '{token}' comes before any '# script NAME cap=N' line");
            }

            if (token.Contains(' ', StringComparison.Ordinal))
            {
                throw new Sv2ParseException($"line {lineNumber}: one op per line expected before ' | ', got '{token}'");
            }

            if (!Sv2OpParser.TryParse(token, out Sv2Op? op, out string? error))
            {
                throw new Sv2ParseException($"line {lineNumber}: '{token}': {error}");
            }

            if (++totalOps > Sv2OpParser.MaxOps * 10)
            {
                throw new Sv2ParseException($"line {lineNumber}: more than {Sv2OpParser.MaxOps * 10} ops in one file");
            }

            ops.Add(op);
            lines.Add(lineNumber);
        }

        Close();
        return scripts;
    }

    private static (string Name, int Capacity) ParseHeader(string header, int lineNumber)
    {
        string[] words = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 4 || words[1] != "script" || !words[3].StartsWith("cap=", StringComparison.Ordinal))
        {
            throw new Sv2ParseException($"line {lineNumber}: expected '# script NAME cap=N', got '{header}'");
        }

        if (!int.TryParse(words[3].AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int capacity) || capacity > MaxCapacity)
        {
            throw new Sv2ParseException($"line {lineNumber}: cap must be a whole number from 0 to {MaxCapacity}, got '{words[3][4..]}'");
        }

        return (words[2], capacity);
    }
}
