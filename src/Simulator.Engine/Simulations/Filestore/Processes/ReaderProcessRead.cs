using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

/// <summary>What a reader process answered: the read's status (and error text), its memory measured then, and how long the process took (its own clock).</summary>
public sealed record ReaderProcessRead(FilestoreStatus Status, string? Message, ReaderProcessMemory Memory, double Micros);
