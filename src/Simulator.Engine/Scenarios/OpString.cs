namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>Splits an op string on whitespace and parses each token, stopping at the first bad one with its 1-based column.</summary>
public static class OpString
{
    public const int MaxOps = 100_000;

    public delegate T? TokenParser<T>(string token, out string? error)
        where T : class;

    /// <summary>The ops, or null and the column and message of the first bad token.</summary>
    public static IReadOnlyList<T>? TryParse<T>(string text, TokenParser<T> parse, out (int Column, string Message)? error)
        where T : class => TryParse(text, parse, out error, out _);

    /// <summary>As <see cref="TryParse{T}(string, TokenParser{T}, out ValueTuple{int, string}?)"/>, with each op's 1-based column.</summary>
    public static IReadOnlyList<T>? TryParse<T>(string text, TokenParser<T> parse, out (int Column, string Message)? error, out IReadOnlyList<int> columns)
        where T : class
    {
        var ops = new List<T>();
        var starts = new List<int>();
        columns = starts;
        error = null;
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            string token = text[start..i];
            if (ops.Count == MaxOps)
            {
                error = (start + 1, $"more than {MaxOps} ops");
                return null;
            }

            if (parse(token, out string? message) is not { } op)
            {
                error = (start + 1, $"'{token}': {message}");
                return null;
            }

            ops.Add(op);
            starts.Add(start + 1);
        }

        return ops;
    }
}
