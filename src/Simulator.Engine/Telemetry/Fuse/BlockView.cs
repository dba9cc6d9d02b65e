namespace BufferLab.Simulator.Engine.Telemetry.Fuse;

/// <summary>One block of an InMessage: its size and how many of its bytes hold the request (the rest is free tail).</summary>
public sealed record BlockView(int Size, int Used);
