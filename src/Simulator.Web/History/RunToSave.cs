namespace BufferLab.Simulator.Web.History;

/// <summary>
/// What saving a page's run keeps: the user's name and notes, the page and its URL query (the view:
/// scenario, seed, step, mode, compare, ...), the scenario file with the seed and choices written
/// in, the original text of a library file (so reopening can put it back under the same id), the
/// step shown, and the event log's SHA-256 (of the whole run), to check that reopening reproduces it.
/// </summary>
public sealed record RunToSave(
    string Name,
    string Notes,
    string Page,
    string Query,
    string ScenarioName,
    string? ScenarioKey,
    string ScenarioText,
    string? LibraryText,
    ulong Seed,
    int Step,
    int LastStep,
    string EventLogSha256,
    string EngineVersion);
