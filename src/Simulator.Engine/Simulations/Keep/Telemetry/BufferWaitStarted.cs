using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>No buffer was free ("reached max buffers, waiting"): the request waits, FIFO.</summary>
public sealed record BufferWaitStarted(int Request, int Waiting) : SimEvent;
