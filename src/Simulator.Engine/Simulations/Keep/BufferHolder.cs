using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>The buffer a multi-step GetContext obtained, or null when the client left first.</summary>
public sealed class BufferHolder
{
    public byte[]? Buffer { get; set; }
}
