using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>The simulated kernel queued a request on the device.</summary>
public sealed record RequestSent(ulong Unique, string Opcode, ulong Offset, int Size) : SimEvent;
