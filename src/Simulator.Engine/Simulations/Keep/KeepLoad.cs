using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// One phase of load; phases run in order, each when every request of the one before has been
/// answered. Closed uses <see cref="Clients"/> and <see cref="RequestsPerClient"/> (stopping early
/// after <see cref="DurationMs"/> when that is set); Open uses <see cref="RatePerSecond"/> for
/// <see cref="DurationMs"/>; Ops sends <see cref="Ops"/>. A fraction of drawn requests may be PUTs
/// of new blocks, carry an Origin header (priority 1), or disconnect <see cref="DisconnectAfterMs"/>
/// after they arrive.
/// </summary>
public sealed record KeepLoad(KeepLoadKind Kind)
{
    public const int MaxClients = 10_000;
    public const int MaxRequests = 100_000;
    public const double MaxMs = 3_600_000;

    public int Clients { get; init; } = 1;

    public int RequestsPerClient { get; init; } = 1;

    public double RatePerSecond { get; init; }

    public double DurationMs { get; init; }

    /// <summary>Delay from the start of the phase.</summary>
    public double StartMs { get; init; }

    /// <summary>Closed: clients start uniformly within this window after <see cref="StartMs"/> (a herd).</summary>
    public double SpreadMs { get; init; }

    /// <summary>Closed: mean think time between a client's requests.</summary>
    public double ThinkMs { get; init; }

    /// <summary>Ops: time between two ops' clients.</summary>
    public double IntervalMs { get; init; }

    public IReadOnlyList<KeepOp> Ops { get; init; } = [];

    public Distribution Keys { get; init; } = Distribution.Uniform;

    public double PutFraction { get; init; }

    /// <summary>The storage classes the phase's PUTs ask for (X-Keep-Storage-Classes); none means any.</summary>
    public IReadOnlyList<string> StorageClasses { get; init; } = [];

    public double OriginFraction { get; init; }

    public double DisconnectFraction { get; init; }

    public double DisconnectAfterMs { get; init; } = 1000;

    /// <summary>Requests this phase sends at most (an open phase's is its expected count, bounded the same way).</summary>
    public long RequestCount => Kind switch
    {
        KeepLoadKind.Open => (long)Math.Ceiling(RatePerSecond * DurationMs / 1000),
        KeepLoadKind.Ops => Ops.Count,
        _ => (long)Clients * RequestsPerClient,
    };

    /// <summary>Every problem, by field name, for a store of <paramref name="blockCount"/> blocks.</summary>
    public IEnumerable<FieldProblem> Problems(int blockCount)
    {
        static bool Ms(double v) => v is >= 0 and <= MaxMs;
        static bool Fraction(double f) => f is >= 0 and <= 1;
        if (Kind == KeepLoadKind.Closed && Clients is < 1 or > MaxClients)
        {
            yield return new("clients", $"must be from 1 to {MaxClients}, got {Clients}");
        }

        if (Kind == KeepLoadKind.Closed && RequestsPerClient is < 1 or > MaxRequests)
        {
            yield return new("requestsPerClient", $"must be from 1 to {MaxRequests}, got {RequestsPerClient}");
        }

        if (Kind == KeepLoadKind.Open && !(RatePerSecond is > 0 and <= 100_000))
        {
            yield return new("ratePerSecond", $"an open load's rate must be above 0 and at most 100000, got {RatePerSecond}");
        }

        if (Kind == KeepLoadKind.Open && !(DurationMs is > 0 and <= MaxMs))
        {
            yield return new("durationMs", $"an open load's duration must be above 0 and at most {MaxMs}, got {DurationMs}");
        }
        else if (!Ms(DurationMs))
        {
            yield return new("durationMs", $"must be from 0 to {MaxMs}, got {DurationMs}");
        }

        if (Kind == KeepLoadKind.Ops && Ops.Count == 0)
        {
            yield return new("ops", "an ops phase needs at least one op", "for example: g0 g1 p g2^");
        }

        if (RequestCount > MaxRequests)
        {
            yield return new(Kind == KeepLoadKind.Closed ? "requestsPerClient" : Kind == KeepLoadKind.Ops ? "ops" : "ratePerSecond",
                $"this phase sends {RequestCount} requests; at most {MaxRequests}", "lower the clients, requests or rate");
        }

        foreach ((string field, double value) in new[] { ("startMs", StartMs), ("spreadMs", SpreadMs), ("thinkMs", ThinkMs), ("intervalMs", IntervalMs), ("disconnectAfterMs", DisconnectAfterMs) })
        {
            if (!Ms(value))
            {
                yield return new(field, $"must be from 0 to {MaxMs}, got {value}");
            }
        }

        foreach ((string field, double value) in new[] { ("putFraction", PutFraction), ("originFraction", OriginFraction), ("disconnectFraction", DisconnectFraction) })
        {
            if (!Fraction(value))
            {
                yield return new(field, $"must be from 0 to 1, got {value}");
            }
        }

        if (Keys.Problem(0, blockCount - 1) is { } keys)
        {
            yield return keys with { Field = $"keys.{keys.Field}", Message = $"{keys.Message} (block indexes)" };
        }

        foreach ((KeepOp op, int i) in Ops.Select((op, i) => (op, i)))
        {
            if (!op.Put && (op.Block < 0 || op.Block >= blockCount))
            {
                yield return new("ops", $"op {i + 1} ('{op}') asks for block {op.Block}; blocks are 0 to {blockCount - 1}");
            }
        }
    }
}
