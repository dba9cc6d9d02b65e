using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// Today's keepstore (services/keepstore/keepstore.go BlockRead and BlockWrite, router.go's
/// handleError) behind sdk/go/httpserver/request_limiter.go: every GET and PUT holds one pool
/// buffer; a GET streams 64 KiB parts through a hashCheckWriter as volumes fill them.
/// </summary>
internal sealed class CurrentServer(KeepModel model) : KeepServer(model)
{
    public override IEnumerable<TimeSpan> Get(KeepRequest request)
    {
        var holder = new BufferHolder();
        foreach (TimeSpan delay in AdmitWithBuffer(request, holder, KeepError.ClientGone))
        {
            yield return delay;
        }

        if (holder.Buffer is not { } buffer)
        {
            yield break;
        }

        KeepLocator locator = request.Locator;
        var output = new HashCheckWriter(locator.Size, locator.Hash, data => Model.SendToClient(request, data));
        var streamer = new StreamWriterAt(buffer, Model.Config.PartSize, (offset, count) => output.Write(buffer.AsMemory(offset, count)));
        Flight flight = Model.StartFlight(locator.Hash, null, request);
        request.Enter(RequestPhase.Filling, Model.Now);
        VolumeReadResult read = flight.Read;
        foreach (TimeSpan delay in Model.Reader.Read(request, locator.Hash, streamer, read, cancellable: true))
        {
            yield return delay;
        }

        KeepError? error = read.Error;
        string? closeError = streamer.Close();
        if (error is null && streamer.WroteAt != locator.Size)
        {
            error = KeepError.Checksum; // a short read with no error from the volume
        }
        else if (error is null && closeError is not null)
        {
            error = closeError == KeepError.Checksum.Message ? KeepError.Checksum : new KeepError(500, closeError);
        }

        flight.Outcome = error?.ToString() ?? "ok";
        foreach (TimeSpan delay in Model.AwaitDelivery(request))
        {
            yield return delay;
        }

        Model.PutBuffer(request, buffer);
        if (error is null)
        {
            Model.Respond(request, 200);
        }
        else
        {
            Model.Fail(request, error);
        }
    }

    public override IEnumerable<TimeSpan> Put(KeepRequest request) => PutWithPoolBuffer(request, KeepError.ClientGone);
}
