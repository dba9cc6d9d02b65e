namespace BufferLab.Simulator.Web.History;

/// <summary>
/// A run in the history (see <see cref="RunToSave"/>), with when it was saved, last edited, and last
/// reopened with which event-log hash; its link <see cref="Token"/>, and its <see cref="Owner"/>
/// (the saving browser's key, null for runs saved before owners existed). Never show the owner.
/// </summary>
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
    string? ReopenedSha256,
    string Token,
    string? Owner)
{
    /// <summary>The page's URL as it was when saved.</summary>
    public string Url => Query.Length == 0 ? Page : $"{Page}?{Query}";

    /// <summary>The address that opens the run for anyone who has it.</summary>
    public string Link => RunReopener.PathOf(Token);

    /// <summary>Whether the last reopening ran the same event log; null when it was never reopened.</summary>
    public bool? Reproduced => ReopenedSha256 is null ? null : ReopenedSha256 == EventLogSha256;
}
