using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The request ended with an HTTP status; a truncated 200 is a GET whose error came after bytes were sent.</summary>
public sealed record ResponseSent(int Request, int Status, long Bytes, bool Truncated, long LatencyUs, string? Error) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark =>
        Status >= 400 || Truncated ? (TimelineMarkKind.RequestFailed, $"request {Request}: {Status}{(Truncated ? " cut short" : "")}") : null;
}
