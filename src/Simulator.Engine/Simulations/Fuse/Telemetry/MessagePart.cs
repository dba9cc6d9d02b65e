namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>One part of the message as the kernel sent it (fuse_in_header, fuse_write_in, the payload) and where the read put it.</summary>
public sealed record MessagePart(string Name, int Length, IReadOnlyList<BufferSpan> Spans);
