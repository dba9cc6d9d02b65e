namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>What goes wrong when a volume reads one block: the read fails after some bytes, or the stored bytes are corrupt.</summary>
public sealed record VolumeFault(int? FailAfterBytes = null, bool Corrupt = false)
{
    public const string FailureMessage = "volume read failed (injected I/O error)";
}
