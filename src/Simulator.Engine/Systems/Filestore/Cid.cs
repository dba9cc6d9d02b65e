using System.Security.Cryptography;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// A CIDv1 of a raw block with a sha2-256 multihash (go-cid's NewCidV1(cid.Raw, mh)): the bytes
/// 0x01 0x55 0x12 0x20 + digest, written in multibase base32 ("bafkrei…").
/// </summary>
public sealed record Cid(byte[] Multihash)
{
    private const byte Version1 = 0x01, RawCodec = 0x55, Sha2_256 = 0x12, DigestLength = 0x20;

    /// <summary>The CID of <paramref name="data"/> (the prefix's Sum).</summary>
    public static Cid Of(ReadOnlySpan<byte> data)
    {
        byte[] multihash = new byte[2 + DigestLength];
        multihash[0] = Sha2_256;
        multihash[1] = DigestLength;
        SHA256.HashData(data, multihash.AsSpan(2));
        return new Cid(multihash);
    }

    public byte[] Bytes => [Version1, RawCodec, .. Multihash];

    public bool Equals(Cid? other) => other is not null && Multihash.AsSpan().SequenceEqual(other.Multihash);

    public override int GetHashCode() => BitConverter.ToInt32(Multihash, 2);

    /// <summary>Multibase base32 (lower case, no padding) with its "b" prefix.</summary>
    public override string ToString() => "b" + Base32.Encode(Bytes).ToLowerInvariant();
}
