namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>
/// What one run of a scenario will take at most, worked out from the scenario before anything is
/// built: the bytes it holds in memory (blocks, buffers, files served) and writes to disk, and
/// what to change in the file to make it smaller.
/// </summary>
public sealed record RunCost(long MemoryBytes, long DiskBytes, string ToLower);
