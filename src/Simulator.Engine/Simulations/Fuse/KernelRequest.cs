using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>A request the simulated kernel sent and still expects a reply to.</summary>
public sealed record KernelRequest(ulong Unique, FuseOpcode Opcode, ulong Offset, int Size, byte[]? Payload);
