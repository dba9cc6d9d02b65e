using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Models.Keep;

/// <summary>A keepstore's request handlers, as actor bodies: each yields where the handler's goroutine would wait.</summary>
internal abstract class KeepServer(KeepModel model)
{
    /// <summary>md5 of zero bytes: the one block a GET may ask for without a size hint.</summary>
    protected const string EmptyBlockHash = "d41d8cd98f00b204e9800998ecf8427e";

    protected KeepModel Model { get; } = model;

    public abstract IEnumerable<TimeSpan> Get(KeepRequest request);

    public abstract IEnumerable<TimeSpan> Put(KeepRequest request);

    /// <summary>GET without a size hint is errMethodNotAllowed, except for the empty block.</summary>
    protected static bool NeedsSizeHint(KeepRequest request) => request.Locator.Size == 0 && request.Locator.Hash != EmptyBlockHash;

    /// <summary>
    /// BlockWrite with a streamed body, into <paramref name="buffer"/>: receive at most BlockSize
    /// bytes while hashing, probe one more byte (413), check the declared size and the hash (400),
    /// then write to the first writable volume in rendezvous order.
    /// </summary>
    protected IEnumerable<TimeSpan> WriteBlock(KeepRequest request, byte[] buffer, PutResult result)
    {
        byte[] body = request.Body ?? [];
        int blockSize = Model.Config.BufferSize;
        int n = Math.Min(body.Length, blockSize);
        request.Enter(RequestPhase.Receiving, Model.Now);
        yield return Model.ClientTransferTime(n);
        body.AsSpan(0, n).CopyTo(buffer);
        if (body.Length > blockSize)
        {
            result.Error = new KeepError(413, "request entity too large");
            yield break;
        }

        if (request.Locator.Size != 0 && n != request.Locator.Size)
        {
            result.Error = new KeepError(400, $"content length {n} did not match specified data size {request.Locator.Size}");
            yield break;
        }

#pragma warning disable CA5351 // Keep names blocks by MD5
        string hash = Convert.ToHexStringLower(MD5.HashData(buffer.AsSpan(0, n)));
#pragma warning restore CA5351
        if (!request.Locator.Hash.StartsWith(hash, StringComparison.Ordinal))
        {
            result.Error = new KeepError(400, $"content hash {hash} did not match specified locator {request.Locator}");
            yield break;
        }

        KeepVolume volume = Rendezvous.Order(hash, Model.Volumes)[0];
        request.Enter(RequestPhase.Writing, Model.Now);
        yield return volume.Latency + volume.TransferTime(n);
        volume.Store(hash, buffer.AsSpan(0, n).ToArray());
        result.Hash = hash;
        result.Size = n;
        result.Error = null;
    }
}
