namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>singleflight.Result: the value, the error, and whether other callers shared them.</summary>
public readonly record struct SingleflightResult<T>(T? Value, Exception? Error, bool Shared);
