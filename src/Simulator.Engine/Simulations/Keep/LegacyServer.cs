using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// The 2017 keepstore (services/keepstore/handlers.go at 0f644e242e): a MaxRequests semaphore that
/// answers 503 at once when full, getBufferWithContext (503 if the client leaves while waiting),
/// GetBlock trying the volumes in configuration order with the whole block read into the buffer
/// and its hash checked, then resp.Write of the whole block, so the buffer is held for the volume
/// reads plus the full transfer. Its pool is Go 1.8's sync.Pool (no victim cache; see KeepModel).
/// Its PUT (PutBlockHandler, PutBlock, CompareAndTouch) is in LegacyServer.Put.cs.
/// </summary>
internal sealed partial class LegacyServer(KeepModel model) : KeepServer(model)
{
    /// <summary>GetBlockHandler (handlers.go:94-133).</summary>
    public override IEnumerable<TimeSpan> Get(KeepRequest request)
    {
        var holder = new BufferHolder();
        foreach (TimeSpan delay in AdmitWithBuffer(request, holder, LegacyKeepError.ClientDisconnect)) // handlers.go:113-117
        {
            yield return delay;
        }

        if (holder.Buffer is not { } buffer)
        {
            yield break;
        }

        KeepLocator locator = request.Locator;
        Flight flight = Model.StartFlight(locator.Hash, null, request);
        request.Enter(RequestPhase.Filling, Model.Now);
        VolumeReadResult read = flight.Read;
        foreach (TimeSpan delay in GetBlock(request, locator.Hash, buffer, read))
        {
            yield return delay;
        }

        KeepError? error = read.Error;
        flight.Outcome = error?.ToString() ?? "ok";
        if (error is null)
        {
            request.Enter(RequestPhase.Streaming, Model.Now);
            Model.SendToClient(request, buffer.AsMemory(0, read.Size)); // handlers.go:132 resp.Write(buf[:size])
            foreach (TimeSpan delay in Model.AwaitDelivery(request))
            {
                yield return delay;
            }
        }

        Model.PutBuffer(request, buffer); // handlers.go:118 defer bufs.Put(buf)
        Model.Respond(request, error?.Status ?? 200, truncated: error is null && request.Disconnected, message: error?.Message); // handlers.go:121-127
    }

    /// <summary>
    /// httpserver.NewRequestLimiter of 2017 (sdk/go/httpserver/request_limiter.go:47-56): a plain
    /// semaphore; when MaxRequests handlers run, resp.WriteHeader(503) at once, with no body.
    /// </summary>
    protected override IEnumerable<TimeSpan> Admit(KeepRequest request)
    {
        if (Model.LegacyRunning >= Model.Config.EffectiveLegacyMaxRequests)
        {
            Model.Respond(request, KeepError.Unavailable.Status);
            yield break;
        }

        Model.LegacyRunning++;
        request.Admitted = true;
    }

    /// <summary>
    /// GetBlock (handlers.go:639-679): every readable volume in configuration order
    /// (volume.go:340, 361-363: KeepVM.AllReadable is the volumes as configured, not a rendezvous
    /// order). The client leaving ends it with ErrClientDisconnect (645-648); any other error is
    /// logged unless it is not-found, and the next volume is tried (650-660) without changing what
    /// the caller is told; a copy whose MD5 is not the locator's is logged, makes the answer
    /// DiskHashError, and the next volume is tried (663-671); NotFoundError when no volume had a
    /// good copy (641, 678). Leaves the size and the error in <paramref name="result"/>.
    /// </summary>
    private IEnumerable<TimeSpan> GetBlock(KeepRequest request, string hash, byte[] buffer, VolumeReadResult result)
    {
        KeepError errorToCaller = LegacyKeepError.NotFound;
        foreach (KeepVolume volume in Model.Volumes)
        {
            var get = new VolumeGetResult();
            foreach (TimeSpan delay in Model.Reader.Get(request, volume, hash, buffer, get, result))
            {
                yield return delay;
            }

            if (request.Disconnected)
            {
                result.Error = LegacyKeepError.ClientDisconnect;
                yield break;
            }

            if (get.NotExist)
            {
                continue;
            }

            if (get.Error is { } error)
            {
                Model.Emit(new ServerLogged(request.Id, $"{volume.Uuid}: Get({hash}): {error}"));
                continue;
            }

#pragma warning disable CA5351 // Keep names blocks by MD5
            string filehash = Convert.ToHexStringLower(MD5.HashData(buffer.AsSpan(0, get.Size)));
#pragma warning restore CA5351
            if (filehash != hash)
            {
                Model.Emit(new ServerLogged(request.Id, $"{volume.Uuid}: checksum mismatch for request {hash} (actual {filehash})"));
                errorToCaller = LegacyKeepError.DiskHash;
                continue;
            }

            if (errorToCaller == LegacyKeepError.DiskHash)
            {
                Model.Emit(new ServerLogged(request.Id, $"{volume.Uuid}: checksum mismatch for request {hash} but a good copy was found on another volume and returned"));
            }

            result.Error = null;
            result.Size = get.Size;
            yield break;
        }

        result.Error = errorToCaller;
    }
}
