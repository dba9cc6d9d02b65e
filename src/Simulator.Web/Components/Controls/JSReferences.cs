using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>Freeing what a component holds in the browser; once the circuit is gone, so is all of it, and there is nothing to free.</summary>
internal static class JSReferences
{
    /// <summary>Disposes <paramref name="reference"/> (nothing when null), first calling its <paramref name="releaseMethod"/> when it has one (a listener's "dispose").</summary>
    public static async ValueTask DisposeQuietlyAsync(this IJSObjectReference? reference, string? releaseMethod = null)
    {
        if (reference is null)
        {
            return;
        }

        try
        {
            if (releaseMethod is not null)
            {
                await reference.InvokeVoidAsync(releaseMethod);
            }

            await reference.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // the circuit is gone, and what it held in the browser with it
        }
    }
}
