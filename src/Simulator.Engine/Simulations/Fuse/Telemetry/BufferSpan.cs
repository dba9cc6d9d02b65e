namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>Bytes [Offset, Offset + Length) of the op's buffer number <paramref name="Buffer"/> (an index into <see cref="MessageView.Buffers"/>).</summary>
public sealed record BufferSpan(int Buffer, int Offset, int Length);
