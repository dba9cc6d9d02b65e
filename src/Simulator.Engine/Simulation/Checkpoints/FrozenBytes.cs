namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>A large byte array as a checkpoint keeps it: its length and its chunks, each shared with other checkpoints whose copy of that chunk is the same.</summary>
internal sealed record FrozenBytes(int Length, FrozenChunk[] Chunks);
