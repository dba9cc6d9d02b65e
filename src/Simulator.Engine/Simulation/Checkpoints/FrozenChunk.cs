namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>One chunk of a large array as the <see cref="ChunkStore"/> keeps it, under the key it is found by.</summary>
internal sealed record FrozenChunk(UInt128 Hash, ReadOnlyMemory<byte> Bytes);
