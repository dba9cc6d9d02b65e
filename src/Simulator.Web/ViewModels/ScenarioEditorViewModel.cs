using System.Text;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// The Scenarios page's editor: the text last read from the browser, its problems (validated as
/// the runner validates files), loading a preset, a library file or an upload into it, and Run,
/// which keeps the text in the library and names the page that runs it.
/// </summary>
public sealed class ScenarioEditorViewModel(ScenarioLibrary library)
{
    public const string DefaultFileName = "scenario.yaml";

    public string Text { get; private set; } = "";

    /// <summary>The file's name (the preset's, or the uploaded file's); problems are reported against it.</summary>
    public string FileName { get; private set; } = DefaultFileName;

    /// <summary>The scenario when the text is valid.</summary>
    public ScenarioDocument? Document { get; private set; }

    public IReadOnlyList<ProblemView> Problems { get; private set; } = [];

    /// <summary>Why an upload or a link was refused; the editor kept what it had.</summary>
    public string? Notice { get; private set; }

    public bool IsValid => Document is not null;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>The first line of the editor's state, for people and screen readers.</summary>
    public string Status => Document is { } d
        ? $"Valid: {d.Scenario.Title} ({d.Name}), a {d.Scenario.System} scenario{(d.Seed is { } seed ? $" with seed {seed}" : "")}. Run opens it on the {SystemPages.TitleOf(d.Scenario.System)} page."
        : IsEmpty ? "Empty. Choose Edit on a scenario, upload a .yaml file, or type one here."
        : $"{Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}: nothing runs until {(Problems.Count == 1 ? "it is" : "they are")} fixed.";

    /// <summary>Validates <paramref name="text"/> as typed in the browser.</summary>
    public void Validate(string text)
    {
        if (text != Text)
        {
            Notice = null;
        }

        Text = text;
        if (IsEmpty)
        {
            (Document, Problems) = (null, []);
            return;
        }

        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = ScenarioLibrary.Check(text, FileName);
        (Document, Problems) = (document, [.. problems.Select(ProblemView.From)]);
    }

    /// <summary>The browser holds more text than the dashboard takes: one problem says so (the text itself is not read).</summary>
    public void TooBig(long bytes)
    {
        Document = null;
        Problems = [ProblemView.From(new ScenarioProblem(FileName, 1, 1, "", $"the text has {bytes:N0} bytes; the dashboard takes scenario files of at most {ScenarioLibrary.MaxTextBytes:N0} (1 MiB)", "run bigger files with the runner"))];
    }

    /// <summary>Loads the preset or library file <paramref name="key"/>, as written.</summary>
    public bool Edit(string key) => Open(new Dictionary<string, string?> { ["scenario"] = key });

    /// <summary>
    /// Loads what a page's Edit link names (`scenario` or `ops`, with `seed`, `mode`, ...): the
    /// file with those choices written into it. Nothing changes when the link is wrong.
    /// </summary>
    public bool Open(IReadOnlyDictionary<string, string?> query)
    {
        try
        {
            (string fileName, string text) = ScenarioDownload.Build(library, query);
            Load(text, fileName);
            return true;
        }
        catch (SessionRequestException e)
        {
            Notice = $"Could not load that scenario: {e.Message}";
            return false;
        }
    }

    /// <summary>Loads an uploaded file after checking its name, size and encoding; a refused file changes nothing.</summary>
    public async Task<bool> UploadAsync(string name, long size, Func<Stream> open)
    {
        if (!name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse($"{name} is not a .yaml or .yml file; choose a scenario file.");
        }

        if (size > ScenarioLibrary.MaxTextBytes)
        {
            return Refuse($"{name} has {size:N0} bytes; the editor takes files of at most {ScenarioLibrary.MaxTextBytes:N0} bytes (1 MiB). Run bigger files with the runner.");
        }

        string text;
        try
        {
            await using Stream stream = open();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync();
        }
        catch (DecoderFallbackException)
        {
            return Refuse($"{name} is not UTF-8 text; scenario files are YAML text.");
        }
        catch (Exception e) when (e is IOException or Microsoft.JSInterop.JSException or TimeoutException)
        {
            return Refuse($"{name} could not be read: {e.Message}");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse($"{name} holds binary data (NUL bytes); scenario files are YAML text.");
        }

        Load(text, name);
        return true;
    }

    /// <summary>Keeps the text in the library and answers the page that runs it; null (with the problems shown) when it cannot run.</summary>
    public string? Run()
    {
        (string? id, ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = library.Add(Text, FileName);
        if (id is null || document is null)
        {
            (Document, Problems) = (null, [.. problems.Select(ProblemView.From)]);
            return null;
        }

        return SystemPages.Open(id, document.Scenario, document.Seed);
    }

    private void Load(string text, string fileName)
    {
        FileName = fileName;
        Text = ""; // so Validate sees a change and clears any notice
        Validate(text);
    }

    private bool Refuse(string message)
    {
        Notice = message;
        return false;
    }
}
