using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>
/// One system the engine runs, as the rest of the product sees it: its names, how its scenario
/// files are read, its choices and its metrics. <see cref="SystemCatalog"/> lists them; nothing
/// else switches on a system's name.
/// </summary>
public interface ISystemDefinition
{
    /// <summary>A scenario file's <c>system:</c>, e.g. <c>keep</c>.</summary>
    string Id { get; }

    /// <summary>The short name in URLs and commands, e.g. <c>stratum</c> for the page <c>/stratum</c>.</summary>
    string Slug { get; }

    /// <summary>The name people read, e.g. "Keepstore buffers".</summary>
    string Title { get; }

    /// <summary>Top-level keys its scenario files may have beyond the common ones.</summary>
    IReadOnlyList<string> FileKeys => [];

    /// <summary>The URL query keys its choices take (<c>mode</c>; FUSE's <c>page</c>, <c>maxmsg</c> ...).</summary>
    IReadOnlyList<string> ChoiceKeys { get; }

    /// <summary>Its metrics, each declared once with its name, unit and description.</summary>
    IReadOnlyList<MetricDefinition> Metrics { get; }

    /// <summary>The scenario a file's fields describe (null when they have problems, which the file collects).</summary>
    internal IScenario? Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace);

    /// <summary>The choices named in <paramref name="values"/> (URL query names; absent keys are not chosen); a bad value is a <see cref="ChoiceException"/>.</summary>
    ISystemChoices ParseChoices(IReadOnlyDictionary<string, string?> values);

    /// <summary>What <paramref name="scenario"/> (one of this system's) has chosen, every choice filled in.</summary>
    ISystemChoices ChoicesOf(IScenario scenario);

    /// <summary>What a link to <paramref name="scenario"/>'s page must say so that the page runs what the file chose (a page otherwise runs its own default).</summary>
    IEnumerable<(string Key, string Value)> LinkChoices(IScenario scenario);

    /// <summary>The most a run of <paramref name="scenario"/> (one of this system's, valid) will hold in memory and write to disk.</summary>
    RunCost Cost(IScenario scenario);

    /// <summary>The scenario once for each value of its main choice (each mode, reader or variant), labelled <c>key=value</c>.</summary>
    IEnumerable<(string Label, IScenario Scenario)> Alternatives(IScenario scenario);
}
