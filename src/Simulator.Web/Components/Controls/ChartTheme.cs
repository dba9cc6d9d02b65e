using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// The one place charts learn the theme: reads the chart colours from the browser and calls back
/// when the theme changes (wwwroot/js/theme.js's 'bufferlab:theme' event). Kept apart so the theme's
/// source can change (e.g. to MudBlazor's theme provider) without touching the charts.
/// </summary>
public sealed class ChartTheme(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _subscription;
    private DotNetObjectReference<Listener>? _listener;

    /// <summary>
    /// The colours of the theme shown, read at <paramref name="element"/> (whose background exported
    /// images get); then <paramref name="changed"/> with the new colours whenever the theme changes.
    /// </summary>
    public async Task<ChartColours> WatchAsync(Microsoft.AspNetCore.Components.ElementReference element, Func<ChartColours, Task> changed)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
        _listener = DotNetObjectReference.Create(new Listener(changed));
        _subscription = await _module.InvokeAsync<IJSObjectReference>("watchChartColours", element, _listener);
        return await _module.InvokeAsync<ChartColours?>("chartColours", element) ?? ChartColours.Fallback;
    }

    public async ValueTask DisposeAsync()
    {
        await _subscription.DisposeQuietlyAsync("dispose");
        await _module.DisposeQuietlyAsync();

        _listener?.Dispose();
    }

    /// <summary>What the browser calls on a theme change.</summary>
    public sealed class Listener(Func<ChartColours, Task> changed)
    {
        [JSInvokable]
        public Task ThemeChanged(ChartColours colours) => changed(colours);
    }
}
