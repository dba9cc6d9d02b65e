using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// A decoder-like workload: a producer writes messages (in 1..MaxChunks get_writable chunks, as a
/// codec does for header then body) at exponential intervals, and hands each slice to a consumer
/// that drops it after an exponential hold time, as if on another thread. Drops interleave with
/// the producer's calls only between whole calls, in the order the seeded scheduler picks. Message
/// sizes follow <see cref="Sizes"/> over [MinBytes, MaxBytes]; the producer stops after
/// <see cref="Messages"/> messages or <see cref="DurationMicros"/> (when set), whichever comes first.
/// </summary>
public sealed record Sv2RandomWorkload(
    int Messages = 300,
    int MinBytes = 1,
    int MaxBytes = 12,
    int MaxChunks = 2,
    double MeanIntervalMicros = 10,
    double MeanHoldMicros = 60)
{
    public const int MaxMessages = 100_000;
    public const int MaxMessageBytes = 1024 * 1024;
    public const int MaxChunkCount = 16;
    public const double MaxMeanMicros = 1e9;

    public Distribution Sizes { get; init; } = Distribution.Uniform;

    /// <summary>When the producer stops (0: after <see cref="Messages"/>).</summary>
    public double DurationMicros { get; init; }

    /// <summary>Every problem, by field name as in a scenario file's open phase.</summary>
    public IEnumerable<FieldProblem> Problems()
    {
        if (Messages is < 1 or > MaxMessages)
        {
            yield return new("messages", $"must be from 1 to {MaxMessages}, got {Messages}");
        }

        if (MaxBytes is < 0 or > MaxMessageBytes)
        {
            yield return new("sizes.max", $"must be from 0 to {MaxMessageBytes}, got {MaxBytes}");
        }
        else if (MinBytes < 0 || MinBytes > MaxBytes)
        {
            yield return new("sizes.min", $"must be from 0 to sizes.max ({MaxBytes}), got {MinBytes}");
        }
        else if (Sizes.Problem(MinBytes, MaxBytes) is { } sizes)
        {
            yield return sizes with { Field = $"sizes.{sizes.Field}" };
        }

        if (MaxChunks is < 1 or > MaxChunkCount)
        {
            yield return new("maxChunks", $"must be from 1 to {MaxChunkCount}, got {MaxChunks}");
        }

        if (!(MeanIntervalMicros is > 0 and <= MaxMeanMicros))
        {
            yield return new("ratePerSecond", $"must give a mean interval above 0 and at most {MaxMeanMicros} µs, got {MeanIntervalMicros} µs");
        }

        if (!(MeanHoldMicros is > 0 and <= MaxMeanMicros))
        {
            yield return new("meanHoldMicros", $"must be above 0 and at most {MaxMeanMicros}, got {MeanHoldMicros}");
        }

        if (!(DurationMicros is >= 0 and <= MaxMeanMicros))
        {
            yield return new("durationMs", $"must be from 0 to {MaxMeanMicros / 1000}, got {DurationMicros / 1000}");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first field that is out of bounds.</summary>
    public void Validate()
    {
        if (FieldProblem.FirstOf(Problems()) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(Sv2RandomWorkload), problem);
        }
    }

    internal void Spawn(RunContext context, Sv2Model model)
    {
        SeededRandom sizes = context.Random.Fork("sv2.sizes");
        SeededRandom timing = context.Random.Fork("sv2.timing");
        context.Scheduler.Spawn(Sv2TracePlayer.Producer, Produce(context, model, sizes, timing));
    }

    private IEnumerable<TimeSpan> Produce(RunContext context, Sv2Model model, SeededRandom sizes, SeededRandom timing)
    {
        for (int id = 1; id <= Messages && (DurationMicros == 0 || context.Clock.Elapsed.TotalMicroseconds < DurationMicros); id++)
        {
            int size = Sizes.Next(sizes, MinBytes, MaxBytes, id - 1);
            int chunks = Math.Max(1, Math.Min(size, sizes.NextInt(1, MaxChunks)));
            if (chunks == 1)
            {
                Apply(context, model, Sv2Op.Message(id, size), Sv2TracePlayer.Producer);
            }
            else
            {
                int written = 0;
                for (int chunk = 1; chunk <= chunks; chunk++)
                {
                    int piece = chunk == chunks ? size - written : sizes.NextInt(1, size - written - (chunks - chunk));
                    written += piece;
                    Apply(context, model, Sv2Op.Chunk(id, piece, thenGet: chunk == chunks), Sv2TracePlayer.Producer);
                    if (chunk < chunks)
                    {
                        yield return TimeSpan.Zero; // drops may land between two chunks of one message
                    }
                }
            }

            int held = id;
            context.Scheduler.Spawn(Sv2TracePlayer.Consumer(id), Consume(context, model, held), VirtualTime.FromMicros(timing.NextExponential(MeanHoldMicros)));
            yield return VirtualTime.FromMicros(timing.NextExponential(MeanIntervalMicros));
        }

        context.Record(Sv2TracePlayer.Producer, Sv2TracePlayer.End);
    }

    private static IEnumerable<TimeSpan> Consume(RunContext context, Sv2Model model, int id)
    {
        Apply(context, model, Sv2Op.Drop(id), Sv2TracePlayer.Consumer(id));
        yield return TimeSpan.Zero;
    }

    private static void Apply(RunContext context, Sv2Model model, Sv2Op op, string actor)
    {
        context.Record(actor, op.Text);
        model.Apply(op, actor);
    }
}
