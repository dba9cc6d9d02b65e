using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Ops typed by a person (or read from a traces-format script) on a pool of some capacity: one kind
/// of scenario source beside a preset and a file. It is the scenario to run and the file that says
/// the same, so a download or a saved run of it reads back as what ran.
/// </summary>
public sealed record Sv2OpString(string Name, string? Title, string Description, int Capacity, string Ops)
{
    /// <summary>Ops typed on a page or sent to the hub.</summary>
    public static Sv2OpString Typed(int capacity, string ops) =>
        new("custom", "Custom op string", $"Your ops on a {capacity}-byte pool.", capacity, ops);

    /// <summary>The scenario; a bad op is an <see cref="Sv2ParseException"/> naming it.</summary>
    public Sv2Scenario ToScenario() => Sv2Scenario.Scripted(Name, Title ?? Name, Description, Capacity, Ops);

    /// <summary>The scenario file that runs these ops.</summary>
    public string ToFile()
    {
        string title = Title is null ? "" : $"title: {ScenarioText.Scalar(Title)}\n";
        return string.Create(CultureInfo.InvariantCulture,
            $"name: {ScenarioText.Scalar(Name)}\n{title}description: {ScenarioText.Scalar(Description)}\nsystem: stratum-v2\noptions:\n  capacity: {Capacity}\nphases:\n  - ops: {ScenarioText.Scalar(Ops.Trim())}\n");
    }
}
