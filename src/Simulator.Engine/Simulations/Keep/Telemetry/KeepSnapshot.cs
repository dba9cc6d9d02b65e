using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>The keepstore model's state at one step: its buffers, every request's lane, the coalesced fetches and the limiter.</summary>
public sealed record KeepSnapshot(
    string Mode,
    long TimeUs,
    IReadOnlyList<KeepBufferView> Buffers,
    int MaxBuffers,
    int BufferWaiters,
    IReadOnlyList<KeepRequestView> Requests,
    IReadOnlyList<FlightView> Flights,
    int Handling,
    int MaxConcurrent,
    int Queued,
    int MaxQueue);
