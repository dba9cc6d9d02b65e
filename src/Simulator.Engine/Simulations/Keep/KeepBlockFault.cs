using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>What is wrong with block <see cref="Block"/>: reads fail after a fraction of its bytes, its bytes are corrupt, or no volume has it.</summary>
public sealed record KeepBlockFault(int Block, double? FailAfterFraction = null, bool Corrupt = false, bool Missing = false);
