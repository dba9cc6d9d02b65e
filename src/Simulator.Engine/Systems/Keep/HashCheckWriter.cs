using System.Security.Cryptography;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors keepstore's hashCheckWriter (services/keepstore/hash_check_writer.go): writes pass
/// through to the client, except that the write reaching the expected size is hashed and checked
/// first; on a mismatch it returns errChecksum and that last piece is never sent. Writing past the
/// expected size is a checksum error without hashing.
/// </summary>
public sealed class HashCheckWriter(long expectSize, string expectDigest, Func<ReadOnlyMemory<byte>, string?> writer) : IDisposable
{
#pragma warning disable CA5351 // Keep names blocks by MD5; this is an identifier check, not security
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351

    /// <summary>Bytes written through.</summary>
    public long Offset { get; private set; }

    public string? Write(ReadOnlyMemory<byte> data)
    {
        long todo = expectSize - Offset - data.Length;
        if (todo < 0)
        {
            return KeepError.Checksum.Message;
        }

        _hash.AppendData(data.Span);
        if (todo == 0 && Convert.ToHexStringLower(_hash.GetHashAndReset()) != expectDigest)
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

    public void Dispose() => _hash.Dispose();
}
