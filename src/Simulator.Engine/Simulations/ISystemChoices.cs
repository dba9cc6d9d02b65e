using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>
/// What a person may choose about a run of one system besides its scenario and seed (a server
/// mode, a reader, a variant, mount sizes), in every form the product needs: applied to a scenario,
/// as URL query pairs and as a scenario file's options. A value left null keeps the scenario's own.
/// </summary>
public interface ISystemChoices
{
    /// <summary>The scenario with these choices; a combination the system cannot run is a <see cref="ChoiceException"/>.</summary>
    IScenario ApplyTo(IScenario scenario);

    /// <summary>The choices made, as the pages' URL query pairs (<c>mode=coalescing</c>).</summary>
    IEnumerable<(string Key, string Value)> ToQuery();

    /// <summary>The choices made, as a scenario file's option paths and values (<c>options.mode</c>, <c>coalescing</c>).</summary>
    IEnumerable<(string Path, string Value)> ToFile();
}
