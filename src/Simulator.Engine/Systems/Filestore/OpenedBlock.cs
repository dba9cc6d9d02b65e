namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>A block read half done: its reference looked up and its reader made (opened, or mapped), the ReadAt still to come.</summary>
public sealed class OpenedBlock(Cid cid, DataObj reference, IFileReader reader) : IDisposable
{
    public Cid Cid { get; } = cid;

    public DataObj Reference { get; } = reference;

    public IFileReader Reader { get; } = reader;

    public void Dispose() => Reader.Dispose();
}
