using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>How a multi-step volume read ended (an iterator cannot return a value), and how far it got while it runs.</summary>
public sealed class VolumeReadResult
{
    public KeepError? Error { get; set; } = KeepError.NotFound;

    /// <summary>The block's size, when a volume had it.</summary>
    public int Size { get; set; }

    /// <summary>The volume read last (the one that had the block, once one did).</summary>
    public string? Volume { get; set; }

    /// <summary>Volume reads tried: more than one when a mount did not have the block or failed before any byte.</summary>
    public int Attempts { get; set; }

    /// <summary>Bytes read from volumes so far.</summary>
    public long BytesRead { get; set; }
}
