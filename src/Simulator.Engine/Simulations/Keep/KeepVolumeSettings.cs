using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>What a scenario file says of one volume (options.volumeSettings, by configuration order): its Replication, StorageClasses, ReadOnly, a write fault, and the unix driver's Serialize.</summary>
public sealed record KeepVolumeSettings(int Replication, IReadOnlyList<string> StorageClasses, bool ReadOnly, VolumeWriteFault WriteFault)
{
    public const int MaxReplication = 16;

    /// <summary>DriverParameters.Serialize (unix volumes only): one I/O at a time on this volume.</summary>
    public bool Serialize { get; init; }

    public void ApplyTo(KeepVolume volume)
    {
        volume.Replication = Replication;
        volume.StorageClasses = StorageClasses;
        volume.Writable = !ReadOnly;
        volume.WriteFault = WriteFault;
        volume.Serialize = Serialize;
    }
}
