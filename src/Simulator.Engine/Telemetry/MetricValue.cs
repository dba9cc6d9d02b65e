namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>One metric of a system at one step.</summary>
public sealed record MetricValue(string Name, double Value, string Unit, string Description);
