using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>A keepstore's request handlers, as actor bodies: each yields where the handler's goroutine would wait.</summary>
internal abstract class KeepServer(KeepModel model)
{
    /// <summary>md5 of zero bytes: the one block a GET may ask for without a size hint.</summary>
    protected const string EmptyBlockHash = "d41d8cd98f00b204e9800998ecf8427e";

    protected KeepModel Model { get; } = model;

    public abstract IEnumerable<TimeSpan> Get(KeepRequest request);

    public abstract IEnumerable<TimeSpan> Put(KeepRequest request);

    /// <summary>Letting the request in; a refused request is answered here.</summary>
    protected virtual IEnumerable<TimeSpan> Admit(KeepRequest request) => Model.Admit(request);

    /// <summary>
    /// Admission, then a pool buffer (GetContext). Afterwards either the request holds
    /// <paramref name="holder"/>'s buffer or it has been answered: refused, or
    /// <paramref name="ifClientLeft"/> because its client left while it waited.
    /// </summary>
    protected IEnumerable<TimeSpan> AdmitWithBuffer(KeepRequest request, BufferHolder holder, KeepError ifClientLeft)
    {
        foreach (TimeSpan delay in Admit(request))
        {
            yield return delay;
        }

        if (request.IsDone || RefuseWithoutSizeHint(request))
        {
            yield break;
        }

        foreach (TimeSpan delay in Model.GetBuffer(request, holder))
        {
            yield return delay;
        }

        if (holder.Buffer is null)
        {
            Model.Respond(request, ifClientLeft.Status, message: ifClientLeft.Message);
        }
    }

    /// <summary>PUT with a pool buffer (current and legacy): BlockWrite, give the buffer back, answer.</summary>
    protected IEnumerable<TimeSpan> PutWithPoolBuffer(KeepRequest request, KeepError ifClientLeft)
    {
        var holder = new BufferHolder();
        foreach (TimeSpan delay in AdmitWithBuffer(request, holder, ifClientLeft))
        {
            yield return delay;
        }

        if (holder.Buffer is not { } buffer)
        {
            yield break;
        }

        var result = new PutResult();
        foreach (TimeSpan delay in WriteBlock(request, buffer, result))
        {
            yield return delay;
        }

        Model.PutBuffer(request, buffer);
        Model.Respond(request, request.Disconnected ? ifClientLeft.Status : result.Error?.Status ?? 200, message: result.Error?.Message);
    }

    /// <summary>A GET without a size hint is errMethodNotAllowed (405), except for the empty block; answers it and says so.</summary>
    protected bool RefuseWithoutSizeHint(KeepRequest request)
    {
        if (request.Method != "GET" || request.Locator.Size != 0 || request.Locator.Hash == EmptyBlockHash)
        {
            return false;
        }

        Model.Respond(request, 405, message: "method not allowed: a GET needs the size hint in its locator");
        return true;
    }

    /// <summary>
    /// BlockWrite with a streamed body, into <paramref name="buffer"/>: receive at most BlockSize
    /// bytes while hashing, probe one more byte (413), check the declared size and the hash (400),
    /// then BlockWrite's volume part (<see cref="VolumeWriter"/>: the writable volumes in rendezvous
    /// order, failing over, until the replicas and storage classes asked for are stored).
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

        request.Enter(RequestPhase.Writing, Model.Now);
        foreach (TimeSpan delay in Model.Writer.Write(request, hash, buffer.AsSpan(0, n).ToArray(), result))
        {
            yield return delay;
        }

        if (result.Error is null)
        {
            result.Hash = hash;
            result.Size = n;
        }
    }
}
