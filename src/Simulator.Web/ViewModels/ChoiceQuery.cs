using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// A page's URL choices, read through the system's choice table or choices record: what is valid is
/// used; what is not is said in the words the hub and the CLI use, and replaced (a link with one
/// bad value still opens).
/// </summary>
public static class ChoiceQuery
{
    /// <summary>The name of the value the URL chose for <paramref name="table"/>'s key, or the page's default (the table's, unless <paramref name="fallbackValue"/> says).</summary>
    public static string Chosen<T>(IReadOnlyDictionary<string, string?> query, ChoiceTable<T> table, List<string> problems, T? fallbackValue = null)
        where T : struct, Enum
    {
        string fallback = table.NameOf(fallbackValue ?? table.Default);
        if (QueryValues.Value(query, table.Key) is not { } text)
        {
            return fallback;
        }

        if (table.TryParse(text, out T value))
        {
            return table.NameOf(value);
        }

        problems.Add($"{table.Refusal(ProblemText.Cut(text))}; using {fallback}");
        return fallback;
    }

    /// <summary>
    /// The value <c>compare=</c> names for the compared run, or null for none (<c>none</c>, or the
    /// same as <paramref name="main"/>); absent or invalid, <paramref name="fallback"/>.
    /// </summary>
    public static string? Compare<T>(IReadOnlyDictionary<string, string?> query, ChoiceTable<T> table, string main, string? fallback, List<string> problems)
        where T : struct, Enum
    {
        string? chosen = fallback;
        if (QueryValues.Value(query, "compare") is { } text)
        {
            if (table.TryParse(text, out T value))
            {
                chosen = table.NameOf(value);
            }
            else if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
            {
                chosen = null;
            }
            else
            {
                problems.Add($"compare must be {table.ListNames("none")}, got '{ProblemText.Cut(text)}'; comparing with {fallback ?? "nothing"}");
            }
        }

        return chosen == main ? null : chosen;
    }

    /// <summary>
    /// The URL's values of <paramref name="keys"/> that <paramref name="parse"/> (a choices record's
    /// Parse) takes one by one; each refused value is a problem ending in <paramref name="instead"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Valid(IReadOnlyDictionary<string, string?> query, IEnumerable<string> keys,
        Action<IReadOnlyDictionary<string, string?>> parse, List<string> problems, string instead)
    {
        var valid = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            if (QueryValues.Value(query, key) is not { } text)
            {
                continue;
            }

            try
            {
                parse(new Dictionary<string, string?> { [key] = text });
                valid[key] = text;
            }
            catch (ChoiceException e)
            {
                problems.Add($"{ProblemText.Cut(e.Message, 200)}; {instead}");
            }
        }

        return valid;
    }
}
