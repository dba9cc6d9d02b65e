using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>One block of an InMessage: its size and how many of its bytes hold the request (the rest is free tail).</summary>
public sealed record BlockView(int Size, int Used);
