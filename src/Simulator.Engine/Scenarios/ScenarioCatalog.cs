using System.Reflection;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;

namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>The built-in scenarios: the files of scenarios/ (embedded at build), by system, then by name.</summary>
public static class ScenarioCatalog
{
    private const string Prefix = "scenarios/";

    /// <summary>Every built-in scenario file, parsed; a broken one fails here, at first use, with its problems.</summary>
    public static IReadOnlyList<ScenarioDocument> Documents { get; } = LoadEmbedded();

    public static IReadOnlyList<IScenario> All { get; } = [.. Documents.Select(d => d.Scenario)];

    public static IScenario? Find(string name) => FindDocument(name)?.Scenario;

    public static ScenarioDocument? FindDocument(string name) => Documents.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The built-in scenarios of one kind, as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Of<T>()
        where T : IScenario => [.. All.OfType<T>()];

    /// <summary>The built-in scenario <paramref name="name"/> as <typeparamref name="T"/>; throws when there is none.</summary>
    public static T Get<T>(string name)
        where T : IScenario => Find(name) is T scenario ? scenario : throw new KeyNotFoundException($"no built-in {typeof(T).Name} named '{name}'");

    private static ScenarioDocument[] LoadEmbedded()
    {
        Assembly assembly = typeof(ScenarioCatalog).Assembly;
        var documents = new List<ScenarioDocument>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            ScenarioDocument document = ScenarioFile.Parse(reader.ReadToEnd(), resource);
            if (document.Name + ".yaml" != resource[Prefix.Length..])
            {
                throw new InvalidOperationException($"{resource}: the file is named for '{document.Name}'; a scenario file's name is its scenario's name");
            }

            documents.Add(document);
        }

        return [.. documents.OrderBy(d => SystemCatalog.Ids.ToList().IndexOf(d.Scenario.System)).ThenBy(d => d.Name, StringComparer.Ordinal)];
    }
}
