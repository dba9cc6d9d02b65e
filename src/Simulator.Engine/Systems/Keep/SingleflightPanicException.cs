namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>singleflight's panicError: fn panicked (threw); every caller sharing the call sees this same value.</summary>
public sealed class SingleflightPanicException(object value, Exception cause)
    : Exception($"singleflight: fn panicked: {cause.Message}", cause)
{
    /// <summary>What fn panicked with (the exception it threw).</summary>
    public object Value { get; } = value;
}
