using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// What a run looks like from start to end, learned by playing a copy of it once: its last step
/// and its timeline marks (at most <see cref="MaxMarks"/> ticks, thinned evenly per kind), with
/// the engine's count of marks per kind, and how many ticks there were before thinning.
/// </summary>
public sealed record RunOutline(int LastStep, IReadOnlyList<StepMark> Marks, IReadOnlyDictionary<TimelineMarkKind, int> Counts, int TickCount)
{
    /// <summary>Most ticks a timeline draws: more than its pixels would only cost the browser.</summary>
    public const int MaxMarks = 2_000;

    /// <summary>The engine's marks in all (before ticks were merged or thinned).</summary>
    public int MarkTotal => Counts.Values.Sum();

    /// <summary>The outline of a run that ended at <paramref name="lastStep"/> with <paramref name="marks"/> (in step order).</summary>
    public static RunOutline Of(int lastStep, IReadOnlyList<TimelineMark> marks, int maxMarks = MaxMarks)
    {
        var counts = new Dictionary<TimelineMarkKind, int>();
        foreach (TimelineMark mark in marks)
        {
            counts[mark.Kind] = counts.GetValueOrDefault(mark.Kind) + 1;
        }

        List<StepMark> ticks = Merge(marks);
        return new RunOutline(lastStep, Thin(ticks, maxMarks), counts, ticks.Count);
    }

    /// <summary>One tick per (step, kind); the engine gives marks in step order.</summary>
    private static List<StepMark> Merge(IReadOnlyList<TimelineMark> marks)
    {
        var ticks = new List<StepMark>();
        var atStep = new Dictionary<TimelineMarkKind, int>(); // kind → index in ticks, for the current step
        foreach (TimelineMark mark in marks)
        {
            if (ticks.Count > 0 && ticks[^1].Step != mark.Step)
            {
                atStep.Clear();
            }

            if (atStep.TryGetValue(mark.Kind, out int index))
            {
                ticks[index] = ticks[index] with { Count = ticks[index].Count + 1 };
            }
            else
            {
                atStep[mark.Kind] = ticks.Count;
                ticks.Add(new StepMark(mark.Step, mark.TimeMicros, mark.Kind, mark.Label));
            }
        }

        return ticks;
    }

    /// <summary>
    /// At most <paramref name="max"/> ticks, evenly spaced within each kind. Kinds share the room
    /// fairly, rarest first, so a single broken invariant is never thinned away by a thousand
    /// failed requests.
    /// </summary>
    private static List<StepMark> Thin(List<StepMark> ticks, int max)
    {
        if (ticks.Count <= max)
        {
            return ticks;
        }

        var kept = new List<StepMark>(max);
        var kinds = ticks.GroupBy(t => t.Kind).OrderBy(g => g.Count()).ToList();
        int room = max;
        for (int k = 0; k < kinds.Count; k++)
        {
            StepMark[] all = [.. kinds[k]];
            int take = Math.Min(all.Length, room / (kinds.Count - k));
            for (int i = 0; i < take; i++)
            {
                kept.Add(all[(int)((long)i * all.Length / take)]);
            }

            room -= take;
        }

        return [.. kept.OrderBy(t => t.Step).ThenBy(t => t.Kind)];
    }
}
