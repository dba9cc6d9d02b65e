namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>
/// The one table between a choice's names (in URLs, scenario files, CLI options and hub calls) and
/// its values, e.g. keep's <c>mode</c>: current, legacy, coalescing, each with the title people read
/// in headings, legends and toggles ("coalescing #10541"). The first entry is the default.
/// </summary>
public sealed class ChoiceTable<T>(string key, params (string Name, T Value, string Title)[] entries)
    where T : struct, Enum
{
    /// <summary>The key the choice goes by: <c>mode</c>, <c>reader</c>, <c>variant</c>.</summary>
    public string Key { get; } = key;

    public IReadOnlyList<string> Names { get; } = [.. entries.Select(e => e.Name)];

    /// <summary>Each value's name and title, in the table's order (what a page's toggle offers).</summary>
    public IReadOnlyList<(string Name, string Title)> Choices { get; } = [.. entries.Select(e => (e.Name, e.Title))];

    public T Default => entries[0].Value;

    /// <summary>The title of the value named <paramref name="name"/>; an unknown name is shown as it is.</summary>
    public string TitleOf(string name) => entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).Title ?? name;

    public string NameOf(T value) => entries.First(e => EqualityComparer<T>.Default.Equals(e.Value, value)).Name;

    public bool TryParse(string? text, out T value)
    {
        foreach ((string name, T entry, _) in entries)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = entry;
                return true;
            }
        }

        value = Default;
        return false;
    }

    /// <summary>The value named <paramref name="name"/>, or the default when there is none (a scenario file that left the choice out; the reader has checked the name).</summary>
    public T ValueOf(string? name) => name is null ? Default : Parse(name);

    /// <summary>The value named <paramref name="text"/>; anything else is a <see cref="ChoiceException"/> listing the names.</summary>
    public T Parse(string text) => TryParse(text, out T value) ? value : throw new ChoiceException(Refusal(text));

    /// <summary>The scenario once for each value, labelled <c>key=name</c>, as <paramref name="apply"/> makes it.</summary>
    public IEnumerable<(string Label, TScenario Scenario)> Each<TScenario>(Func<T, TScenario> apply) =>
        entries.Select(e => ($"{Key}={e.Name}", apply(e.Value)));

    /// <summary>"mode must be 'current', 'legacy' or 'coalescing', got 'fast'".</summary>
    public string Refusal(string? text) => $"{Key} must be {ListNames()}, got '{text}'";

    /// <summary>"'current', 'legacy' or 'coalescing'", after <paramref name="first"/> names when given ("'none', 'std' or 'mmap'").</summary>
    public string ListNames(params string[] first)
    {
        string[] names = [.. first, .. Names];
        return $"{string.Join(", ", names.SkipLast(1).Select(n => $"'{n}'"))} or '{names[^1]}'";
    }
}
