using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// The timeline marks of one kind at one step, as one tick: <paramref name="Count"/> of the
/// engine's marks (ten requests failing in the same step are one tick, not ten on one pixel),
/// labelled by the first of them.
/// </summary>
public sealed record StepMark(int Step, long TimeMicros, TimelineMarkKind Kind, string Label, int Count = 1)
{
    /// <summary>What a tooltip or a screen reader says: the label, and how many more there are.</summary>
    public string Text => Count == 1 ? Label : $"{Label} (+{Count - 1} more)";

    /// <summary>The nearest of <paramref name="marks"/> (in step order) before <paramref name="step"/>, if any.</summary>
    public static StepMark? Before(IReadOnlyList<StepMark> marks, int step) => marks.LastOrDefault(m => m.Step < step);

    /// <summary>The nearest of <paramref name="marks"/> (in step order) after <paramref name="step"/>, if any.</summary>
    public static StepMark? After(IReadOnlyList<StepMark> marks, int step) => marks.FirstOrDefault(m => m.Step > step);
}
