using System.Diagnostics;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>A read between its open and its ReadAt: the chunk, the block's size, the open block (a descriptor or a mapping; null when a reader process holds it), the bytes it maps, and the timer of its latency.</summary>
internal sealed record OpenRead(int Chunk, long Size, OpenedBlock? Block, long Mapped, Stopwatch Timer)
{
    /// <summary>With a reader process: how long its open took by its own clock (the read's latency leaves out the pipe).</summary>
    [field: MachineValue]
    public double ChildMicros { get; init; }
}
