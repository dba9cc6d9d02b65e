namespace BufferLab.Simulator.Engine.Telemetry.Fuse;

/// <summary>The simulated kernel queued a request on the device.</summary>
public sealed record RequestSent(ulong Unique, string Opcode, ulong Offset, int Size) : SimEvent;
