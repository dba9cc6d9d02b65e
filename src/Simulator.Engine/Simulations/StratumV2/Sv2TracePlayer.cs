using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Replays a recorded BufferPool trace with the actors that recorded it: the first actor (the
/// script or the producer) applies its ops in order, each at its recorded time × scale, and spawns
/// `consumer-N` right after message N is handed out, to drop it at its recorded time. At scale 1
/// every actor yields what it yielded when recorded, so the event log is the same byte for byte.
/// </summary>
internal static class Sv2TracePlayer
{
    public const string Script = "script";
    public const string Producer = "producer";

    /// <summary>The op recorded when the main actor finishes (its last wait ends there).</summary>
    public const string End = "end";

    public static string Consumer(int id) => $"consumer-{id}";

    /// <summary>Checks the trace and spawns its main actor; throws <see cref="FormatException"/> naming a bad entry.</summary>
    public static void Spawn(RunContext context, Sv2Model model, WorkloadTrace trace)
    {
        if (trace.Entries.Count == 0)
        {
            throw new FormatException("the trace has no entries");
        }

        string main = trace.Entries[0].Actor;
        var byActor = trace.Entries.GroupBy(e => e.Actor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.At, e.Op, Parsed: e.Op == End ? null : Parse(e))).ToArray(), StringComparer.Ordinal);
        context.Scheduler.Spawn(main, Main(context, model, trace, main, byActor));
    }

    private static Sv2Op Parse(TraceEntry entry) =>
        Sv2OpParser.TryParse(entry.Op, out Sv2Op? op, out string? error) ? op : throw new FormatException($"trace entry '{entry}': {error}");

    private static IEnumerable<TimeSpan> Main(RunContext context, Sv2Model model, WorkloadTrace trace, string main, Dictionary<string, (TimeSpan At, string Op, Sv2Op? Parsed)[]> byActor)
    {
        var ops = byActor[main];
        for (int i = 0; i < ops.Length && ops[i].Parsed is { } op; i++)
        {
            context.Record(main, op.Text);
            model.Apply(op, main);
            if (op.HandsOut && byActor.TryGetValue(Consumer(op.Id), out var drops))
            {
                context.Scheduler.Spawn(Consumer(op.Id), Consume(context, model, Consumer(op.Id), drops), Until(context, trace, drops[0].At));
            }

            // a trace cut short by a panic has no End: the op's step still counts, as when it was recorded
            yield return i + 1 < ops.Length ? Until(context, trace, ops[i + 1].At) : TimeSpan.Zero;
        }

        context.Record(main, End);
    }

    private static IEnumerable<TimeSpan> Consume(RunContext context, Sv2Model model, string actor, (TimeSpan At, string Op, Sv2Op? Parsed)[] drops)
    {
        foreach (var drop in drops)
        {
            context.Record(actor, drop.Op);
            model.Apply(drop.Parsed ?? throw new FormatException($"{actor} records '{drop.Op}', which is not a drop"), actor);
            yield return TimeSpan.Zero;
        }
    }

    private static TimeSpan Until(RunContext context, WorkloadTrace trace, TimeSpan at)
    {
        TimeSpan wait = trace.Scaled(at) - context.Clock.Elapsed;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
