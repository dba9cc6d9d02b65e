using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// The 2017 keepstore (services/keepstore/handlers.go at 0f644e242e): a MaxRequests semaphore that
/// answers 503 at once when full, getBufferWithContext (503 if the client leaves while waiting),
/// GetBlock reading the whole block and checking its hash, then resp.Write of the whole block, so
/// the buffer is held for the volume read plus the full transfer.
/// </summary>
internal sealed class LegacyServer(KeepModel model) : KeepServer(model)
{
    public override IEnumerable<TimeSpan> Get(KeepRequest request)
    {
        var holder = new BufferHolder();
        foreach (TimeSpan delay in AdmitWithBuffer(request, holder, KeepError.Unavailable.Status)) // ErrClientDisconnect was a 503
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
        var whole = new StreamWriterAt(buffer, Model.Config.PartSize, (_, _) => null); // GetBlock: the bytes just land in buf
        foreach (TimeSpan delay in Model.Reader.Read(request, locator.Hash, whole, read, cancellable: false))
        {
            yield return delay;
        }

        KeepError? error = read.Error;
#pragma warning disable CA5351 // Keep names blocks by MD5
        if (error is null && Convert.ToHexStringLower(MD5.HashData(buffer.AsSpan(0, read.Size))) != locator.Hash)
#pragma warning restore CA5351
        {
            error = KeepError.Checksum;
        }

        flight.Outcome = error?.ToString() ?? "ok";
        if (error is null)
        {
            request.Enter(RequestPhase.Streaming, Model.Now);
            Model.SendToClient(request, buffer.AsMemory(0, read.Size));
            foreach (TimeSpan delay in Model.AwaitDelivery(request))
            {
                yield return delay;
            }
        }

        Model.PutBuffer(request, buffer);
        Model.Respond(request, error?.Status ?? 200, truncated: error is null && request.Disconnected, message: error?.Message);
    }

    public override IEnumerable<TimeSpan> Put(KeepRequest request) => PutWithPoolBuffer(request, KeepError.Unavailable.Status);

    /// <summary>httpserver.NewRequestLimiter of 2017: a plain semaphore, 503 at once when MaxRequests handlers run.</summary>
    protected override IEnumerable<TimeSpan> Admit(KeepRequest request)
    {
        if (Model.LegacyRunning >= Model.Config.EffectiveLegacyMaxRequests)
        {
            Model.Respond(request, KeepError.Unavailable.Status, message: KeepError.Unavailable.Message);
            yield break;
        }

        Model.LegacyRunning++;
        request.Admitted = true;
    }
}
