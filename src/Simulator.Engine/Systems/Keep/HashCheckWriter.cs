using Org.BouncyCastle.Crypto.Digests;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors keepstore's hashCheckWriter (services/keepstore/hash_check_writer.go): writes pass
/// through to the client, except that the write reaching the expected size is hashed and checked
/// first; on a mismatch it returns errChecksum and that last piece is never sent. Writing past the
/// expected size is a checksum error without hashing.
/// </summary>
public sealed class HashCheckWriter(long expectSize, string expectDigest, Func<ReadOnlyMemory<byte>, string?> writer)
{
    // A managed MD5 (Keep names blocks by MD5: an identifier check, not security): a checkpoint
    // copies its state mid-block, which a native hash context would not allow.
    private readonly MD5Digest _hash = new();

    /// <summary>Bytes written through.</summary>
    public long Offset { get; private set; }

    public string? Write(ReadOnlyMemory<byte> data)
    {
        long todo = expectSize - Offset - data.Length;
        if (todo < 0)
        {
            return KeepError.Checksum.Message;
        }

        _hash.BlockUpdate(data.Span);
        if (todo == 0 && Convert.ToHexStringLower(Finish()) != expectDigest)
        {
            return KeepError.Checksum.Message;
        }

        string? error = writer(data);
        if (error is null)
        {
            Offset += data.Length;
        }

        return error;
    }

    private byte[] Finish()
    {
        byte[] digest = new byte[_hash.GetDigestSize()];
        _hash.DoFinal(digest, 0);
        return digest;
    }
}
