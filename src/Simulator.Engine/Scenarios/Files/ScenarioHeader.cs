namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>The fields every scenario file has, whatever its system.</summary>
internal sealed record ScenarioHeader(string Name, string Title, string Description);
