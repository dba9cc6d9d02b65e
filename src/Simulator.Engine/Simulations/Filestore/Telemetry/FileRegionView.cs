using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>One region of the file in the grid: how many of its chunks were written and read, and how much of it the page cache held when last measured.</summary>
public sealed record FileRegionView(int Index, long Offset, long Length, int ChunksWritten, int Reads, long ResidentBytes);
