using BufferLab.Simulator.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>
/// A bUnit context with what the dashboard's components expect: Radzen's services, the circuit's
/// shortcut registry, and a JavaScript runtime that answers every call with its default (tests that
/// care set up the call they expect).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddSingleton(Shortcuts);
    }

    /// <summary>The shortcut registry components find by injection or cascade.</summary>
    protected ShortcutRegistry Shortcuts { get; } = new();
}
