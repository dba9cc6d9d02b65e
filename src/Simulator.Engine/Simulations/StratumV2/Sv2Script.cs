using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>One `# script NAME cap=N` block of a traces file: its ops and the 1-based line of each.</summary>
public sealed record Sv2Script(string Name, int Capacity, int HeaderLine, IReadOnlyList<Sv2Op> Ops, IReadOnlyList<int> OpLines);
