using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>What a scenario file says of one volume (options.volumeSettings, by configuration order): its Replication, StorageClasses, ReadOnly, and a write fault.</summary>
public sealed record KeepVolumeSettings(int Replication, IReadOnlyList<string> StorageClasses, bool ReadOnly, VolumeWriteFault WriteFault)
{
    public const int MaxReplication = 16;

    public void ApplyTo(KeepVolume volume)
    {
        volume.Replication = Replication;
        volume.StorageClasses = StorageClasses;
        volume.Writable = !ReadOnly;
        volume.WriteFault = WriteFault;
    }
}
