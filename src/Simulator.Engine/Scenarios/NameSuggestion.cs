namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>
/// The names closest to a mistyped one (Levenshtein distance, at most a third of its length), so a
/// refusal can say "did you mean 'keep-zipf'?" instead of listing every name there is.
/// </summary>
public static class NameSuggestion
{
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> names, int most = 3)
    {
        string wanted = typed.Trim().ToLowerInvariant();
        int limit = Math.Max(2, wanted.Length / 3);
        return [.. names
            .Select(name => (Name: name, Distance: Distance(wanted, name.ToLowerInvariant())))
            .Where(c => c.Distance <= limit || c.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) && wanted.Length >= 3)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(most)
            .Select(c => c.Name)];
    }

    /// <summary>" (did you mean 'a', 'b' or 'c'?)", or "" when nothing is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> names)
    {
        IReadOnlyList<string> close = [.. Closest(typed, names).Select(n => $"'{n}'")];
        return close.Count switch
        {
            0 => "",
            1 => $" (did you mean {close[0]}?)",
            _ => $" (did you mean {string.Join(", ", close.SkipLast(1))} or {close[^1]}?)",
        };
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
