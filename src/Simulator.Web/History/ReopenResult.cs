namespace BufferLab.Simulator.Web.History;

/// <summary>A saved run opened again: the step the page landed on and the event log its run gives now, against what was saved.</summary>
public sealed record ReopenResult(SavedRun Run, int Step, string EventLogSha256)
{
    public bool SameStep => Step == Run.Step;

    public bool SameLog => EventLogSha256 == Run.EventLogSha256;
}
