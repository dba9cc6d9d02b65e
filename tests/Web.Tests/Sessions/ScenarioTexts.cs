using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>Scenario file texts for tests: presets as shipped, and edited through ScenarioText as a user would.</summary>
internal static class ScenarioTexts
{
    public static string Preset(string name) => ScenarioCatalog.FindDocument(name)!.Text;

    /// <summary>keep-zipf on <paramref name="maxBuffers"/> buffers, naming <paramref name="seed"/> when given.</summary>
    public static string KeepZipf(int maxBuffers, ulong? seed = null)
    {
        string text = ScenarioText.Set(Preset("keep-zipf"), "options.maxBuffers", maxBuffers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return seed is { } s ? ScenarioText.WithSeed(text, s) : text;
    }

    /// <summary>keep-zipf with a mode no server has, and a negative buffer count: two problems.</summary>
    public static string BrokenKeep() =>
        ScenarioText.Set(ScenarioText.Set(Preset("keep-zipf"), "options.mode", "fastest"), "options.maxBuffers", "-3");
}
