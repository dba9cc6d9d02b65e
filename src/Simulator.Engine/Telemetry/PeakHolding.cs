namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>One thing alive at a system's memory peak: what it is, its bytes, who held it and where it lived.</summary>
public sealed record PeakHolding(string What, long Bytes, string Holder, string Where);
