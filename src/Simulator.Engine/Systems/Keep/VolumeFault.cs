namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>What goes wrong when a volume reads one block: the read fails after some bytes, or the stored bytes are corrupt.</summary>
public sealed record VolumeFault(int? FailAfterBytes = null, bool Corrupt = false)
{
    public const string FailureMessage = "volume read failed (injected I/O error)";

    /// <summary>What a volume's BlockWrite returns when its writes fail with an error other than full.</summary>
    public const string WriteFailureMessage = "volume write failed (injected I/O error)";
}
