using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Layout;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Tests.Presenting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>
/// A bUnit context with what the dashboard's components expect: MudBlazor's services, the circuit's
/// shortcut registry, presenting in memory, and a JavaScript runtime that answers every call with its default (tests that
/// care set up the call they expect).
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Shortcuts);
        Services.AddScoped<ThemeState>();
        // Presenting in this context's memory: the presenter bar, the Present button and the quiz read it.
        Services.AddSingleton(new PresentingService(new MemoryPresentationStore(), new CollectingFrameSender(), new PresentingOptions(), "test"));
        Services.AddScoped<RunOwner>();
        Services.AddScoped<PresentingCircuit>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only asynchronously disposable: xUnit disposes the context through here.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>The shortcut registry components find by injection or cascade.</summary>
    protected ShortcutRegistry Shortcuts { get; } = new();
}
