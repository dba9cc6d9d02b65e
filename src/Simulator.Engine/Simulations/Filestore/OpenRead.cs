using System.Diagnostics;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>A read between its open and its ReadAt: the chunk, the open block (a descriptor or a mapping) and the timer of its latency.</summary>
internal sealed record OpenRead(int Chunk, OpenedBlock Block, Stopwatch Timer);
