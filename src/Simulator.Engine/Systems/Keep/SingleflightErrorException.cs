namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>How fn returns Go's non-nil error: throw this with the error inside; anything else thrown is a panic.</summary>
public sealed class SingleflightErrorException(Exception error) : Exception(error.Message, error);
