namespace BufferLab.Simulator.Web.History;

/// <summary>A run in the history (see <see cref="RunToSave"/>), with when it was saved, last edited, and last reopened with which event-log hash.</summary>
public sealed record SavedRun(
    long Id,
    string Name,
    string Notes,
    string Page,
    string Query,
    string ScenarioName,
    string? ScenarioKey,
    string ScenarioText,
    string? LibraryText,
    string Seed,
    int Step,
    int LastStep,
    string EventLogSha256,
    string EngineVersion,
    DateTimeOffset SavedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? ReopenedAt,
    string? ReopenedSha256)
{
    /// <summary>The page's URL as it was when saved.</summary>
    public string Url => Query.Length == 0 ? Page : $"{Page}?{Query}";

    /// <summary>Whether the last reopening ran the same event log; null when it was never reopened.</summary>
    public bool? Reproduced => ReopenedSha256 is null ? null : ReopenedSha256 == EventLogSha256;
}
