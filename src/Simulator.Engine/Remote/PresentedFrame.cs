using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Remote;

/// <summary>
/// What a presentation's followers receive each time the presenter's view changes, and what
/// Follow answers first: the page (<see cref="Path"/> and <see cref="Query"/>, which open exactly the
/// presenter's workload, options and step), the step, the presenter's frame (null when only the view
/// changed), and <see cref="PresenterSeenUnixMs"/>, refreshed every couple of seconds while the
/// presenter is there, so a follower can tell a quiet presenter from a lost one.
/// </summary>
/// <param name="Status">"live", or "ended" once the presenter ended it.</param>
public sealed record PresentedFrame(
    string Code,
    string ShortCode,
    long Version,
    string Path,
    string Query,
    int Step,
    string Status,
    long PresenterSeenUnixMs,
    Frame? Frame)
{
    public const string Live = "live";
    public const string Ended = "ended";

    public bool IsEnded => Status == Ended;
}
