using System.Security.Cryptography;
using System.Text;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.StratumV2;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// What a client asks to run: a preset by name, a file of the <see cref="ScenarioLibrary"/> by its
/// id, a scenario file's text (<paramref name="Yaml"/>), or a Stratum op string on a pool of some
/// capacity; with the system's choices (<see cref="Choices"/>: a variant, mode, reader, FUSE mount
/// sizes) under their URL names, which the scenario's system parses. Validated here once for the
/// pages and the hub alike.
/// </summary>
public sealed record ScenarioRequest(string? Scenario, string? Ops = null, int? Capacity = null, string? Yaml = null)
{
    private static readonly IReadOnlyDictionary<string, string?> NoChoices = new Dictionary<string, string?>();

    /// <summary>The choices asked for, by URL query name (<c>mode</c>: <c>coalescing</c>); a blank value is not a choice.</summary>
    public IReadOnlyDictionary<string, string?> Choices { get; init; } = NoChoices;

    /// <summary>What the hub's Open asks for: its typed choices under their URL names (FUSE's mount as <see cref="FuseChoices"/> writes it).</summary>
    public static ScenarioRequest From(OpenRequest open) =>
        new ScenarioRequest(open.Scenario, open.Ops, open.Capacity, open.Yaml)
            .With([(Sv2Choices.Variants.Key, open.Variant), (KeepChoices.Modes.Key, open.Mode), (FilestoreChoices.Readers.Key, open.Reader)])
            .With(new FuseChoices(null, open.PageSize, open.MaxMessageSize, open.MaxPagesLimit, open.VectoredReads, open.VectoredWrites));

    /// <summary>This request with <paramref name="key"/> chosen as <paramref name="value"/> (null: not chosen).</summary>
    public ScenarioRequest With(string key, string? value) => With([(key, value)]);

    /// <summary>This request with what <paramref name="choices"/> chose.</summary>
    public ScenarioRequest With(ISystemChoices choices) => With(choices.ToQuery().Select(c => (c.Key, (string?)c.Value)));

    /// <summary>This request with more choices.</summary>
    public ScenarioRequest With(IEnumerable<(string Key, string? Value)> choices)
    {
        var all = new Dictionary<string, string?>(Choices, StringComparer.Ordinal);
        foreach ((string key, string? value) in choices)
        {
            all[key] = value;
        }

        return this with { Choices = all };
    }

    /// <summary>Pool capacity for op strings when none is given (the README Cases' 40 bytes).</summary>
    public const int DefaultCapacity = 40;

    /// <summary>Largest pool a client may ask for (1 MiB).</summary>
    public const int MaxCapacity = 1024 * 1024;

    /// <summary>Longest op string accepted, in characters.</summary>
    public const int MaxOpsLength = 20_000;

    /// <summary>The scenario to run, or a <see cref="SessionRequestException"/> saying what is wrong; library ids are looked up in <paramref name="library"/>.</summary>
    public ResolvedScenario Resolve(ScenarioLibrary? library = null)
    {
        ResolvedScenario named = Yaml is not null ? ResolveYaml() : string.IsNullOrWhiteSpace(Ops) ? ResolveNamed(library) : ResolveOps();
        try
        {
            ISystemChoices choices = SystemCatalog.Choices(named.Scenario, Choices);
            IScenario scenario = choices.ApplyTo(named.Scenario);
            string made = $"{named.Text}\n{string.Join('&', SystemCatalog.Of(scenario).ChoicesOf(scenario).ToQuery().Select(c => $"{c.Key}={c.Value}"))}";
            return named with { Scenario = scenario, ContentKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(made))) };
        }
        catch (ChoiceException e)
        {
            throw new SessionRequestException(e.Message);
        }
    }

    private ResolvedScenario ResolveNamed(ScenarioLibrary? library)
    {
        if (string.IsNullOrWhiteSpace(Scenario))
        {
            throw new SessionRequestException("name a scenario (see the presets) or give an op string such as '+1:5 +2:5 -1'");
        }

        if (ScenarioLibrary.IsId(Scenario))
        {
            ScenarioDocument file = library?.Find(Scenario)
                ?? throw new SessionRequestException($"scenario '{Scenario}' is not in this server's library: it keeps the {ScenarioLibrary.MaxEntries} files used last, until it restarts; open or upload the file again on the Scenarios page (/scenarios)");
            return new ResolvedScenario(file.Scenario, Scenario.ToLowerInvariant(), file.Seed, file.Text);
        }

        ScenarioDocument preset = ScenarioCatalog.FindDocument(Scenario)
            ?? throw new SessionRequestException($"unknown scenario '{ProblemText.Cut(Scenario)}'{NameSuggestion.DidYouMean(Scenario, ScenarioCatalog.All.Select(s => s.Name))}; every scenario is on the Scenarios page (/scenarios)");
        return new ResolvedScenario(preset.Scenario, preset.Name, preset.Seed, preset.Text);
    }

    /// <summary>A scenario file's text, validated as the library validates it (nothing is kept).</summary>
    private ResolvedScenario ResolveYaml()
    {
        if (!string.IsNullOrWhiteSpace(Scenario) || !string.IsNullOrWhiteSpace(Ops))
        {
            throw new SessionRequestException("give a scenario name, an op string or a scenario file's text (yaml), one of them");
        }

        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = ScenarioLibrary.Check(Yaml!, "request.yaml");
        return document is null
            ? throw new SessionRequestException(ProblemText.Refusal(problems))
            : new ResolvedScenario(document.Scenario, null, document.Seed, document.Text);
    }

    private ResolvedScenario ResolveOps()
    {
        if (Ops!.Length > MaxOpsLength)
        {
            throw new SessionRequestException($"the op string is {Ops.Length} characters; at most {MaxOpsLength} are accepted");
        }

        int capacity = Capacity ?? DefaultCapacity;
        if (capacity is < 0 or > MaxCapacity)
        {
            throw new SessionRequestException($"capacity must be from 0 to {MaxCapacity} bytes, got {capacity}");
        }

        try
        {
            var ops = Sv2OpString.Typed(capacity, Ops);
            return new ResolvedScenario(ops.ToScenario(), null, null, ops.ToFile());
        }
        catch (Sv2ParseException e)
        {
            throw new SessionRequestException($"op string: {e.Message}");
        }
    }
}
