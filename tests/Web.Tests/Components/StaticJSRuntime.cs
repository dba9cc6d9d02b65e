using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>Static HTML rendering runs no script; Radzen components only need an IJSRuntime to exist.</summary>
internal sealed class StaticJSRuntime : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        throw new InvalidOperationException($"no JavaScript runs in a static render (called {identifier})");

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}
