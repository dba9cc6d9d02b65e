namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>How a volume's BlockWrite fails: not at all, full (keepstore's errFull), or with another error.</summary>
public enum VolumeWriteFault
{
    None,
    Full,
    Error,
}
