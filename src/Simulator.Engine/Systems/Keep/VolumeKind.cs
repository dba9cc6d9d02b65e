namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// How a volume's reads share its bandwidth: an S3-like volume serves each read at its full
/// bandwidth (the backend scales with connections; the driver's parallel part reads land out of
/// order), a unix volume is one disk whose bandwidth the reads in progress share equally.
/// </summary>
public enum VolumeKind
{
    S3,
    Unix,
}
