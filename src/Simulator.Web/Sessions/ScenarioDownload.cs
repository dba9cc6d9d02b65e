using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// A page's workload as a scenario file: the preset's or library file's text (or an op string
/// written as one) with the seed and the page's choices (mode, reader, variant, FUSE mount) written
/// into it, comments kept. Run by the runner with that seed, it gives the page's event log. Served
/// at <see cref="Path"/> with the pages' own query names.
/// </summary>
public static class ScenarioDownload
{
    public const string Path = "/scenarios/download";

    /// <summary>The file's name and text for the query <paramref name="query"/>, or a <see cref="SessionRequestException"/> saying what is wrong.</summary>
    public static (string FileName, string Text) Build(ScenarioLibrary library, IReadOnlyDictionary<string, string?> query)
    {
        ulong? seed = Number(query, "seed", ulong.Parse);
        var request = new ScenarioRequest(Value(query, "scenario"), Value(query, "ops"), Number(query, "cap", int.Parse));
        ResolvedScenario resolved = request.Resolve(library); // refuses what a page or the hub would refuse, in the same words
        string text = resolved.Text;
        seed ??= resolved.FileSeed;
        try
        {
            ISystemChoices choices = SystemCatalog.Choices(resolved.Scenario, SystemCatalog.ChoiceKeys.ToDictionary(k => k, k => Value(query, k)));
            choices.ApplyTo(resolved.Scenario); // a combination the system cannot run is refused here, not in the file
            text = seed is { } s ? ScenarioText.WithSeed(text, s) : text;
            foreach ((string path, string value) in choices.ToFile())
            {
                text = ScenarioText.Set(text, path, value);
            }
        }
        catch (ChoiceException e)
        {
            throw new SessionRequestException(e.Message);
        }
        catch (ArgumentException e)
        {
            throw new SessionRequestException($"the file cannot take the page's choices: {e.Message}");
        }

        string name = resolved.Scenario.Name + (seed is { } n ? string.Create(CultureInfo.InvariantCulture, $"-seed{n}") : "") + ".yaml";
        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = ScenarioFile.TryParse(text, name);
        return document is null ? throw new SessionRequestException(ProblemText.Refusal(problems)) : (name, text);
    }

    /// <summary>GET <see cref="Path"/>: the file as an attachment, or 400 with the reason as plain text.</summary>
    public static IResult Handle(HttpContext context, SessionRegistry sessions)
    {
        var query = context.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        try
        {
            (string fileName, string text) = Build(sessions.Library, query);
            return Results.File(Encoding.UTF8.GetBytes(text), "application/yaml; charset=utf-8", fileName);
        }
        catch (SessionRequestException e)
        {
            return Results.Text($"Cannot download this scenario: {e.Message}\n", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }
    }

    private static string? Value(IReadOnlyDictionary<string, string?> query, string key) =>
        query.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static T? Number<T>(IReadOnlyDictionary<string, string?> query, string key, Func<string, IFormatProvider, T> parse)
        where T : struct
    {
        if (Value(query, key) is not { } text)
        {
            return null;
        }

        try
        {
            return text.All(char.IsAsciiDigit) ? parse(text, CultureInfo.InvariantCulture) : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new SessionRequestException($"{key} must be a whole number, got '{text}'");
        }
    }
}
