using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>Malformed op string or script: the message says where (line and/or column) and what was expected.</summary>
public sealed class Sv2ParseException(string message) : FormatException(message);
