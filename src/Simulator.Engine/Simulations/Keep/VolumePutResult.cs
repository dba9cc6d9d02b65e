using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>What one 2017 vol.Put(ctx, hash, block) returned (an iterator cannot return a value): its write fault, or that the client's context ended.</summary>
public sealed class VolumePutResult
{
    public VolumeWriteFault Fault { get; set; }

    /// <summary>putWithPipe returned ctx.Err(): the client left before the write finished, and nothing was stored.</summary>
    public bool Canceled { get; set; }

    public bool Ok => !Canceled && Fault == VolumeWriteFault.None;
}
