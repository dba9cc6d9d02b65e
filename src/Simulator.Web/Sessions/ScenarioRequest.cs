using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Scenarios.Fuse;
using BufferLab.Simulator.Engine.Scenarios.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// What a client asks to run: a preset by name, a file of the <see cref="ScenarioLibrary"/> by its
/// id, a scenario file's text (<paramref name="Yaml"/>), or a Stratum op string on a pool of some
/// capacity; with a Stratum variant, a keepstore or FUSE mode, a filestore reader, or FUSE mount
/// sizes. Validated here once for the pages and the hub alike.
/// </summary>
public sealed record ScenarioRequest(
    string? Scenario,
    string? Ops = null,
    int? Capacity = null,
    string? Variant = null,
    string? Mode = null,
    string? Reader = null,
    int? PageSize = null,
    uint? MaxMessageSize = null,
    int? MaxPagesLimit = null,
    bool? VectoredReads = null,
    bool? VectoredWrites = null,
    string? Yaml = null)
{
    /// <summary>Pool capacity for op strings when none is given (the README Cases' 40 bytes).</summary>
    public const int DefaultCapacity = 40;

    /// <summary>Largest pool a client may ask for (1 MiB).</summary>
    public const int MaxCapacity = 1024 * 1024;

    /// <summary>Longest op string accepted, in characters.</summary>
    public const int MaxOpsLength = 20_000;

    /// <summary>The scenario to run, or a <see cref="SessionRequestException"/> saying what is wrong; library ids are looked up in <paramref name="library"/>.</summary>
    public ResolvedScenario Resolve(ScenarioLibrary? library = null)
    {
        Sv2Variant? variant = Variant?.ToLowerInvariant() switch
        {
            null or "" => null,
            "faithful" => Sv2Variant.Faithful,
            "fixed" => Sv2Variant.Fixed,
            _ => throw new SessionRequestException($"variant must be 'faithful' or 'fixed', got '{Variant}'"),
        };

        ResolvedScenario named = Yaml is not null ? ResolveYaml() : string.IsNullOrWhiteSpace(Ops) ? ResolveNamed(library) : new ResolvedScenario(ResolveOps(), null, null, null);
        IScenario scenario = named.Scenario;
        if (!string.IsNullOrEmpty(Mode))
        {
            scenario = Choose(scenario, "mode", Mode, ScenarioModes.ModesOf(scenario), "keep and fuse", ScenarioModes.WithMode);
        }

        if (PageSize is not null || MaxMessageSize is not null || MaxPagesLimit is not null || VectoredReads is not null || VectoredWrites is not null)
        {
            if (scenario is not FuseScenario fuse)
            {
                throw new SessionRequestException($"pageSize, maxMessageSize, maxPagesLimit, vectoredReads and vectoredWrites apply to fuse scenarios; '{scenario.Name}' is a {scenario.System} scenario");
            }

            fuse = fuse with
            {
                PageSize = PageSize ?? fuse.PageSize, MaxMessageSize = MaxMessageSize ?? fuse.MaxMessageSize, MaxPagesLimit = MaxPagesLimit ?? fuse.MaxPagesLimit,
                VectoredReads = VectoredReads ?? fuse.VectoredReads, VectoredWrites = VectoredWrites ?? fuse.VectoredWrites,
            };
            scenario = fuse.Problem() is { } problem ? throw new SessionRequestException(problem) : fuse;
        }

        if (Reader is not null)
        {
            scenario = Choose(scenario, "reader", Reader, ScenarioModes.ReadersOf(scenario), "filestore", ScenarioModes.WithReader);
        }

        return named with { Scenario = variant is { } chosen && scenario is Sv2Scenario sv2 ? sv2 with { Variant = chosen } : scenario };
    }

    /// <summary>The scenario with one of its named options (a mode, a reader), or a refusal saying what it takes.</summary>
    private static IScenario Choose(IScenario scenario, string option, string value, IReadOnlyList<string> choices, string systems, Func<IScenario, string, IScenario> apply)
    {
        if (choices.Count == 0)
        {
            throw new SessionRequestException($"{option} applies to {systems} scenarios; '{scenario.Name}' is a {scenario.System} scenario");
        }

        string chosen = value.ToLowerInvariant();
        return choices.Contains(chosen)
            ? apply(scenario, chosen)
            : throw new SessionRequestException($"{option} must be {string.Join(", ", choices.SkipLast(1).Select(c => $"'{c}'"))} or '{choices[^1]}', got '{value}'");
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
            ?? throw new SessionRequestException($"unknown scenario '{Scenario}'; presets: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}");
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

    private Sv2Scenario ResolveOps()
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
            return Sv2Scenario.Scripted("custom", "Custom op string", $"Your ops on a {capacity}-byte pool.", capacity, Ops);
        }
        catch (Sv2ParseException e)
        {
            throw new SessionRequestException($"op string: {e.Message}");
        }
    }
}
