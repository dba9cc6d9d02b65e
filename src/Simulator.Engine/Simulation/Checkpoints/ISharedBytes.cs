namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// A <see cref="CheckpointSharedAttribute"/> object whose bytes never change (a stored block):
/// checkpoints look for its chunks in the arrays they keep (a buffer a block was read into), and
/// refer to them there instead of keeping a copy.
/// </summary>
public interface ISharedBytes
{
    ReadOnlyMemory<byte> Bytes { get; }
}
