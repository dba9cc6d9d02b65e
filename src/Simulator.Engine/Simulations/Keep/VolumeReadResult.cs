using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>How a multi-step volume read ended (an iterator cannot return a value).</summary>
public sealed class VolumeReadResult
{
    public KeepError? Error { get; set; } = KeepError.NotFound;

    /// <summary>The block's size, when a volume had it.</summary>
    public int Size { get; set; }
}
