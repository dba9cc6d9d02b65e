namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>
/// The words for each phase of a request's lane: the legend prints them and each bar's hover text
/// uses the same words, so what one reads on hover is what the legend says.
/// </summary>
public static class LanePhases
{
    /// <summary>Every drawn phase (engine RequestPhase name), its CSS class and its words, in legend order.</summary>
    public static readonly IReadOnlyList<(string Phase, string Css, string Words)> All =
    [
        ("Queued", "queued", "queued by the limiter"),
        ("WaitingForBuffer", "waitingforbuffer", "waiting for a buffer"),
        ("Filling", "filling", "reading from a volume"),
        ("Joined", "joined", "sharing another request's fetch"),
        ("Streaming", "streaming", "sending to the client"),
        ("Receiving", "receiving", "PUT body in"),
        ("Writing", "writing", "writing to a volume"),
    ];

    /// <summary>What the ⇄ after a lane's label means.</summary>
    public const string SharedWords = "got its bytes from a fetch it did not pay for";

    /// <summary>The words of <paramref name="phase"/>; null for a phase not drawn (Arrived lasts no time).</summary>
    public static (string Css, string Words)? Of(string phase)
    {
        foreach ((string p, string css, string words) in All)
        {
            if (p == phase)
            {
                return (css, words);
            }
        }

        return null;
    }
}
