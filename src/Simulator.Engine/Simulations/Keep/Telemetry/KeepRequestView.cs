using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A request's lane: its phases over virtual time and how it ended.</summary>
public sealed record KeepRequestView(
    int Id,
    string Method,
    string Hash,
    string Phase,
    int? Status,
    bool Truncated,
    string? Error,
    long Bytes,
    int? Fetch,
    bool Shared,
    IReadOnlyList<LaneSegment> Segments);
