using System.Security.Cryptography;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// The parts of go-multihash (v0.2.3, as boxo's go.mod has it) that the filestore's CID check uses:
/// Encode/Decode (a varint code, a varint digest length, the digest) and Sum (digest of the data
/// with the code's hash, truncated to the length asked for). Only the hashes .NET computes are
/// here; upstream also registers blake2b/2s, blake3, keccak, shake, murmur3, sha2-224, sha3-224 and
/// sha2-512/224 and /256, for which Sum here answers ErrSumNotSupported (a named difference).
/// </summary>
public static class Multihash
{
    // go-multihash SHA2_256 and so on, without underscores (CA1707)
    public const ulong Identity = 0x00, Sha1 = 0x11, Sha256 = 0x12, Sha512 = 0x13, Sha3Of512 = 0x14, Sha3Of384 = 0x15,
        Sha3Of256 = 0x16, Sha384 = 0x20, DoubleSha256 = 0x56, Md5 = 0xd5;

    /// <summary>ErrSumNotSupported (core/errata.go): no hash function is registered for the code.</summary>
    public const string ErrSumNotSupported = "no such hash registered";

    /// <summary>sum.go's ErrLenTooLarge: the length asked for is longer than the digest.</summary>
    public const string ErrLenTooLarge = "requested length was too large for digest";

    /// <summary>Encode: the code and the digest's length as unsigned varints, then the digest.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> digest, ulong code)
    {
        var bytes = new List<byte>(digest.Length + 4);
        Uvarint.Write(bytes, code);
        Uvarint.Write(bytes, (ulong)digest.Length);
        bytes.AddRange(digest);
        return [.. bytes];
    }

    /// <summary>Decode: the code, the digest length and where the digest starts; FormatException when the bytes are not a multihash.</summary>
    public static (ulong Code, int Length, int DigestOffset) Decode(ReadOnlySpan<byte> multihash)
    {
        int offset = 0;
        ulong code = Uvarint.Read(multihash, ref offset, "multihash");
        ulong length = Uvarint.Read(multihash, ref offset, "multihash");
        if (length != (ulong)(multihash.Length - offset))
        {
            throw new FormatException($"multihash length inconsistent: digest of {multihash.Length - offset} bytes, {length} declared");
        }

        return (code, (int)length, offset);
    }

    /// <summary>
    /// Sum: the code's hash of <paramref name="data"/> truncated to <paramref name="length"/> (a negative
    /// length: the whole digest), encoded. FilestoreException with go-multihash's message when the code
    /// has no hash here or the digest is shorter than the length.
    /// </summary>
    public static byte[] Sum(ReadOnlySpan<byte> data, ulong code, int length)
    {
        byte[] digest = Digest(data, code) ?? throw new FilestoreException(ErrSumNotSupported);
        if (length < 0)
        {
            length = digest.Length;
        }

        if (digest.Length < length)
        {
            throw new FilestoreException(ErrLenTooLarge);
        }

        return Encode(digest.AsSpan(0, length), code);
    }

#pragma warning disable CA5350, CA5351 // md5 and sha1 are multihash codes upstream verifies with; nothing here relies on their strength
    private static byte[]? Digest(ReadOnlySpan<byte> data, ulong code) => code switch
    {
        Identity => data.ToArray(),
        Md5 => MD5.HashData(data),
        Sha1 => SHA1.HashData(data),
        Sha256 => SHA256.HashData(data),
        Sha384 => SHA384.HashData(data),
        Sha512 => SHA512.HashData(data),
        DoubleSha256 => SHA256.HashData(SHA256.HashData(data)),
        Sha3Of256 when SHA3_256.IsSupported => SHA3_256.HashData(data),
        Sha3Of384 when SHA3_384.IsSupported => SHA3_384.HashData(data),
        Sha3Of512 when SHA3_512.IsSupported => SHA3_512.HashData(data),
        _ => null,
    };
#pragma warning restore CA5350, CA5351
}
