namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>ipld.ErrNotFound: no reference for the CID (its message names the CIDv1 raw).</summary>
public sealed class BlockNotFoundException(Cid cid) : Exception($"ipld: could not find {cid}")
{
    public Cid Cid { get; } = cid;
}
