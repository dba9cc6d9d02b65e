namespace BufferLab.Simulator.Engine.Models.Keep;

/// <summary>The buffer a multi-step GetContext obtained, or null when the client left first.</summary>
public sealed class BufferHolder
{
    public byte[]? Buffer { get; set; }
}
