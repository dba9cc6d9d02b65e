using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>One cell of the C reference daemon: dd's transfers, why it stopped early (or null), and the largest READ and WRITE it was sent.</summary>
internal sealed record ReferenceResult(IReadOnlyList<DdResult> Transfers, string? Stopped, int LargestRead, int LargestWrite);
