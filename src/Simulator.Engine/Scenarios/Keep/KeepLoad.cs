namespace BufferLab.Simulator.Engine.Scenarios.Keep;

/// <summary>
/// One phase of load. Herd and Closed use <see cref="Clients"/> and <see cref="RequestsPerClient"/>
/// (a herd's default is one request per listed block); Open uses <see cref="RatePerSecond"/> for
/// <see cref="DurationMs"/>. A fraction of requests may be PUTs of new blocks, carry an Origin
/// header (priority 1), or disconnect <see cref="DisconnectAfterMs"/> after they arrive.
/// </summary>
public sealed record KeepLoad(KeepLoadKind Kind)
{
    public const int MaxClients = 10_000;
    public const int MaxRequests = 100_000;

    public int Clients { get; init; } = 1;

    public int RequestsPerClient { get; init; } = 1;

    public double RatePerSecond { get; init; }

    public double DurationMs { get; init; }

    public double StartMs { get; init; }

    /// <summary>Herd: clients start uniformly within this window after <see cref="StartMs"/>.</summary>
    public double SpreadMs { get; init; }

    /// <summary>Closed: mean think time between a client's requests.</summary>
    public double ThinkMs { get; init; }

    public KeyDistribution Keys { get; init; } = KeyDistribution.Uniform;

    public double PutFraction { get; init; }

    public double OriginFraction { get; init; }

    public double DisconnectFraction { get; init; }

    public double DisconnectAfterMs { get; init; } = 1000;

    /// <summary>Requests this phase sends (an open phase's is its expected count, bounded the same way).</summary>
    public long RequestCount => Kind == KeepLoadKind.Open ? (long)Math.Ceiling(RatePerSecond * DurationMs / 1000) : (long)Clients * RequestsPerClient;

    public string? Problem(int blockCount)
    {
        static bool Fraction(double f) => f is >= 0 and <= 1;
        return Clients is < 1 or > MaxClients ? $"clients must be from 1 to {MaxClients}, got {Clients}"
            : RequestsPerClient is < 1 or > MaxRequests ? $"requestsPerClient must be from 1 to {MaxRequests}, got {RequestsPerClient}"
            : Kind == KeepLoadKind.Open && !(RatePerSecond is > 0 and <= 100_000) ? $"an open load's ratePerSecond must be above 0 and at most 100000, got {RatePerSecond}"
            : Kind == KeepLoadKind.Open && !(DurationMs is > 0 and <= 3_600_000) ? $"an open load's durationMs must be above 0 and at most 3600000, got {DurationMs}"
            : RequestCount > MaxRequests ? $"this load sends {RequestCount} requests; at most {MaxRequests}"
            : !(StartMs is >= 0 and <= 3_600_000) ? $"startMs must be from 0 to 3600000, got {StartMs}"
            : !(SpreadMs is >= 0 and <= 3_600_000) ? $"spreadMs must be from 0 to 3600000, got {SpreadMs}"
            : !(ThinkMs is >= 0 and <= 3_600_000) ? $"thinkMs must be from 0 to 3600000, got {ThinkMs}"
            : !(DisconnectAfterMs is >= 0 and <= 3_600_000) ? $"disconnectAfterMs must be from 0 to 3600000, got {DisconnectAfterMs}"
            : !Fraction(PutFraction) ? $"putFraction must be from 0 to 1, got {PutFraction}"
            : !Fraction(OriginFraction) ? $"originFraction must be from 0 to 1, got {OriginFraction}"
            : !Fraction(DisconnectFraction) ? $"disconnectFraction must be from 0 to 1, got {DisconnectFraction}"
            : Keys.Problem(blockCount);
    }
}
