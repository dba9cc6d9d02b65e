using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>The daemon read and converted a request: which buffer it got (dst, dstbufs, data, datablocks, heap, nil) and over how many blocks.</summary>
public sealed record OpConverted(ulong Unique, string Opcode, int Size, string Buffer, int Blocks) : SimEvent;
