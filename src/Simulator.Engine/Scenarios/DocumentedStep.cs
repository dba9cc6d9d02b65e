namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>What upstream's documentation says the state is after step <see cref="Step"/> (0 = before any op).</summary>
public sealed record DocumentedStep(int Step, string Text, string? Note = null);
