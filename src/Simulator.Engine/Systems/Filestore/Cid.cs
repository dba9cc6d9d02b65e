namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// A CIDv1 of a raw block (go-cid's NewCidV1(cid.Raw, mh)): 0x01 0x55, then the multihash (for
/// sha2-256, as boxo adds raw leaves, 0x12 0x20 + digest), written in multibase base32 ("bafkrei…").
/// </summary>
public sealed record Cid(byte[] Multihash)
{
    private const byte Version1 = 0x01, RawCodec = 0x55;

    /// <summary>The sha2-256 CID of <paramref name="data"/>, as boxo's add makes it.</summary>
    public static Cid Of(ReadOnlySpan<byte> data) => Of(data, Filestore.Multihash.Sha256);

    /// <summary>The CID of <paramref name="data"/> with multihash <paramref name="code"/> at its full digest length.</summary>
    public static Cid Of(ReadOnlySpan<byte> data, ulong code, int length = -1) => new(Filestore.Multihash.Sum(data, code, length));

    /// <summary>go-cid's Prefix: the multihash's code and length (FormatException when it is not a multihash).</summary>
    public CidPrefix Prefix()
    {
        (ulong code, int length, _) = Filestore.Multihash.Decode(Multihash);
        return new CidPrefix(code, length);
    }

    public byte[] Bytes => [Version1, RawCodec, .. Multihash];

    public bool Equals(Cid? other) => other is not null && Multihash.AsSpan().SequenceEqual(other.Multihash);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Multihash);
        return hash.ToHashCode();
    }

    /// <summary>Multibase base32 (lower case, no padding) with its "b" prefix.</summary>
    public override string ToString() => "b" + Base32.Encode(Bytes).ToLowerInvariant();
}
