namespace BufferLab.Simulator.Engine.Simulations;

/// <summary>A choice that is not one of its names, or one the scenario's system does not take; the message says which and what would do.</summary>
public sealed class ChoiceException(string message) : Exception(message);
