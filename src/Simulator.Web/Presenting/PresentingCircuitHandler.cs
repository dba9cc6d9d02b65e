using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>A presenting tab's connection went down or came back: its presentation holds its heartbeats meanwhile (see <see cref="PresenterFeed.Hold"/>).</summary>
public sealed class PresentingCircuitHandler(PresentingCircuit presenting) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presenting.Presenting?.Hold(true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presenting.Presenting?.Hold(false);
        return Task.CompletedTask;
    }
}
