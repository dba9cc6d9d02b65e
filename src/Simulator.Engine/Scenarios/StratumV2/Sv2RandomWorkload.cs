using BufferLab.Simulator.Engine.Models.StratumV2;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Scenarios.StratumV2;

/// <summary>
/// A decoder-like workload: a producer writes messages (in 1..MaxChunks get_writable chunks, as a
/// codec does for header then body) at exponential intervals, and hands each slice to a consumer
/// that drops it after an exponential hold time, as if on another thread. Drops interleave with
/// the producer's calls only between whole calls, in the order the seeded scheduler picks.
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

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the field that is out of bounds.</summary>
    public void Validate()
    {
        Check(Messages is >= 1 and <= MaxMessages, nameof(Messages), $"from 1 to {MaxMessages}");
        Check(MinBytes >= 0 && MinBytes <= MaxBytes, nameof(MinBytes), $"from 0 to MaxBytes ({MaxBytes})");
        Check(MaxBytes <= MaxMessageBytes, nameof(MaxBytes), $"at most {MaxMessageBytes}");
        Check(MaxChunks is >= 1 and <= MaxChunkCount, nameof(MaxChunks), $"from 1 to {MaxChunkCount}");
        Check(MeanIntervalMicros is > 0 and <= MaxMeanMicros, nameof(MeanIntervalMicros), $"above 0 and at most {MaxMeanMicros}");
        Check(MeanHoldMicros is > 0 and <= MaxMeanMicros, nameof(MeanHoldMicros), $"above 0 and at most {MaxMeanMicros}");
    }

    internal void Spawn(RunContext context, Sv2Model model)
    {
        SeededRandom sizes = context.Random.Fork("sv2.sizes");
        SeededRandom timing = context.Random.Fork("sv2.timing");
        context.Scheduler.Spawn("producer", Produce(context, model, sizes, timing));
    }

    private IEnumerable<TimeSpan> Produce(RunContext context, Sv2Model model, SeededRandom sizes, SeededRandom timing)
    {
        for (int id = 1; id <= Messages; id++)
        {
            int size = sizes.NextInt(MinBytes, MaxBytes);
            int chunks = Math.Max(1, Math.Min(size, sizes.NextInt(1, MaxChunks)));
            if (chunks == 1)
            {
                model.Apply(Sv2Op.Message(id, size), "producer");
            }
            else
            {
                int written = 0;
                for (int chunk = 1; chunk <= chunks; chunk++)
                {
                    int piece = chunk == chunks ? size - written : sizes.NextInt(1, size - written - (chunks - chunk));
                    written += piece;
                    model.Apply(Sv2Op.Chunk(id, piece, thenGet: chunk == chunks), "producer");
                    if (chunk < chunks)
                    {
                        yield return TimeSpan.Zero; // drops may land between two chunks of one message
                    }
                }
            }

            int held = id;
            context.Scheduler.Spawn($"consumer-{id}", Consume(model, held), Micros(timing.NextExponential(MeanHoldMicros)));
            yield return Micros(timing.NextExponential(MeanIntervalMicros));
        }
    }

    private static IEnumerable<TimeSpan> Consume(Sv2Model model, int id)
    {
        model.Apply(Sv2Op.Drop(id), $"consumer-{id}");
        yield return TimeSpan.Zero;
    }

    private static TimeSpan Micros(double micros) => TimeSpan.FromTicks((long)Math.Round(micros * 10));

    private static void Check(bool ok, string field, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(field, $"{field} must be {expected}");
        }
    }
}
