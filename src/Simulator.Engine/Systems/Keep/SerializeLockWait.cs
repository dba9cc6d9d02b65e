namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>One caller of a Serialize volume's lock(ctx): it holds the mutex once <see cref="Acquired"/>; orphaned when its client left first.</summary>
public sealed class SerializeLockWait(object owner)
{
    public object Owner { get; } = owner;

    public bool Acquired { get; internal set; }

    public bool Orphaned { get; internal set; }
}
