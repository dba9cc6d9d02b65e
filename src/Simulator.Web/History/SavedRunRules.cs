using System.Text.RegularExpressions;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.History;

/// <summary>What the history accepts: bounded names, notes and texts, a known page, a real hash. Every problem is named, in words a form can show.</summary>
public static partial class SavedRunRules
{
    public const int MaxNameLength = 100;

    public const int MaxNotesLength = 4_000;

    public const int MaxQueryLength = 8_192;

    public static readonly IReadOnlyList<string> Pages = ["/stratum", "/keep", "/fuse", "/filestore"];

    /// <summary>The name and notes as stored (trimmed), and what is wrong with them; nothing is wrong when the list is empty.</summary>
    public static (string Name, string Notes, IReadOnlyList<string> Problems) CheckText(string? name, string? notes)
    {
        var problems = new List<string>();
        string n = (name ?? "").Trim();
        string text = (notes ?? "").Trim();
        if (n.Length == 0)
        {
            problems.Add("Give the run a name.");
        }
        else if (n.Length > MaxNameLength)
        {
            problems.Add($"The name has {n.Length} characters; at most {MaxNameLength}.");
        }
        else if (n.Any(char.IsControl))
        {
            problems.Add("The name must be one line of text (no tabs or control characters).");
        }

        if (text.Length > MaxNotesLength)
        {
            problems.Add($"The notes have {text.Length} characters; at most {MaxNotesLength}.");
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            problems.Add("The notes hold control characters; only text, tabs and line breaks are kept.");
        }

        return (n, text, problems);
    }

    /// <summary>Every problem with <paramref name="run"/>; empty when it can be stored.</summary>
    public static IReadOnlyList<string> Check(RunToSave run)
    {
        var problems = CheckText(run.Name, run.Notes).Problems.ToList();
        if (!Pages.Contains(run.Page))
        {
            problems.Add($"'{run.Page}' is not a system page ({string.Join(", ", Pages)}).");
        }

        if (run.Query.Length > MaxQueryLength)
        {
            problems.Add($"The page's URL has {run.Query.Length} characters; at most {MaxQueryLength} are kept.");
        }

        if (run.ScenarioText.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(run.ScenarioText) > ScenarioLibrary.MaxTextBytes
            || (run.LibraryText is { } library && System.Text.Encoding.UTF8.GetByteCount(library) > ScenarioLibrary.MaxTextBytes))
        {
            problems.Add($"The scenario file must have from 1 to {ScenarioLibrary.MaxTextBytes:N0} bytes.");
        }

        if (run.Step < 0 || run.Step > run.LastStep)
        {
            problems.Add($"Step {run.Step} is not a step of this run (0 to {run.LastStep}).");
        }

        if (!Sha256Pattern().IsMatch(run.EventLogSha256))
        {
            problems.Add("The event-log hash must be 64 lower-case hex digits.");
        }

        return problems;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
