namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// An event that may deserve a timeline mark. Events implement it explicitly, so the mark is not
/// one of their public properties and never reaches the event log's JSON (or its hash).
/// </summary>
public interface IMarksTimeline
{
    /// <summary>The mark's kind and label, or null when this instance is not worth one (a 200 response).</summary>
    (TimelineMarkKind Kind, string Label)? Mark { get; }
}
