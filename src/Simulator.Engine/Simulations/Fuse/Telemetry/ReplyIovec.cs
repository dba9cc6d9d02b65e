namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>One element of the reply's writev: its length and the memory it points into.</summary>
public sealed record ReplyIovec(int Length, BufferSpan Target);
