namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// go-cid's Prefix of a CIDv1 raw (the version and codec fsrefstore.go's cid.NewCidV1(cid.Raw, m)
/// fixes): the multihash's code and digest length, enough to hash other bytes the same way.
/// </summary>
public sealed record CidPrefix(ulong MhType, int MhLength)
{
    /// <summary>Prefix.Sum: mh.Sum(data, MhType, MhLength), as a CIDv1 raw.</summary>
    public Cid Sum(ReadOnlySpan<byte> data) => new(Multihash.Sum(data, MhType, MhLength));
}
