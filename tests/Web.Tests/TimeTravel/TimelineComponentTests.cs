using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Components;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

/// <summary>The timeline, run controls and help as HTML (interaction is in the browser tests).</summary>
public sealed class TimelineComponentTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public async Task MarksSitAtTheirStepsWithATipAndALegendByKind()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "11"));
        var doc = await ComponentRenderer.RenderAsync<Timeline>(new()
        {
            ["Step"] = vm.Step, ["LastStep"] = vm.LastStep, ["Marks"] = vm.Marks, ["MarkCounts"] = vm.MarkCounts, ["MarkTotal"] = vm.MarkTotal,
        });

        IElement[] marks = [.. doc.QuerySelectorAll("[data-testid=timeline-mark]")];
        Assert.Equal(["10", "13"], marks.Select(m => m.GetAttribute("data-step")));
        Assert.Equal("left: 71.429%", marks[0].GetAttribute("style"));
        Assert.Equal("step 10: Back → Front", marks[0].GetAttribute("data-tip"));
        Assert.Equal("step 10, mode changed: Back → Front", marks[0].GetAttribute("aria-label"));
        Assert.Equal(["0", "-1"], marks.Select(m => m.GetAttribute("tabindex"))); // one tab stop
        Assert.Contains("mark-mode", marks[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("mode changed 2", doc.QuerySelector("[data-testid=legend-mark-mode]")!.TextContent.Trim());
        Assert.Equal("11", doc.QuerySelector("[data-testid=step-slider]")!.GetAttribute("value"));
        Assert.Contains("Previous mark: step 10", doc.QuerySelector("[data-testid=prev-mark]")!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("Next mark: step 13", doc.QuerySelector("[data-testid=next-mark]")!.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunWithoutMarksSaysSo()
    {
        var doc = await ComponentRenderer.RenderAsync<Timeline>(new() { ["Step"] = 0, ["LastStep"] = 4, ["Marks"] = Array.Empty<StepMark>() });

        Assert.Empty(doc.QuerySelectorAll("[data-testid=timeline-mark]"));
        Assert.Contains("No marks in this run", doc.QuerySelector("[data-testid=timeline-legend]")!.TextContent, StringComparison.Ordinal);
        Assert.True(doc.QuerySelector("[data-testid=next-mark]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task OnAPageTheControlsOfferPlayBackwardsJumpShareHelpAndThePausedBanner()
    {
        using var vm = TimeTravelPages.Stratum(_registry, ("scenario", "readme-case3"), ("step", "4"));
        vm.SetSpeed(1);
        vm.PlayBackward();
        vm.PlayBackward(); // pause it: a paused view
        vm.JumpTo("99");
        var context = new SessionPageContext();
        context.Attach(this, vm, a => a(), step => $"http://localhost/stratum?{vm.QueryAt(step)}");

        var doc = await RenderOnPageAsync<RunControls>(context, new()
        {
            ["Step"] = vm.Step, ["LastStep"] = vm.LastStep, ["Playing"] = vm.Playing, ["Speed"] = vm.Speed,
        });

        Assert.Equal("◀◀ Backwards", doc.QuerySelector("[data-testid=play-back-button]")!.TextContent.Trim());
        Assert.Equal("Play backwards (b)", doc.QuerySelector("[data-testid=play-back-button]")!.GetAttribute("aria-label"));
        Assert.NotNull(doc.QuerySelector("[data-testid=share-link]"));
        Assert.NotNull(doc.QuerySelector("[data-testid=help-button]"));
        Assert.Equal("'99' is not a step from 0 to 14; still at step 4.", doc.QuerySelector("[data-testid=jump-error]")!.TextContent);
        Assert.Equal("true", doc.QuerySelector("[data-testid=jump-input]")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("Paused at step 4.", doc.QuerySelector("[data-testid=pause-banner]")!.TextContent.Trim().TrimStart('⏸').Trim(), StringComparison.Ordinal);
        Assert.Equal("◀◀ Resume", doc.QuerySelector("[data-testid=resume-button]")!.TextContent.Trim());
        Assert.Equal(2, doc.QuerySelectorAll("[data-testid=timeline-mark]").Length);
    }

    [Fact]
    public async Task RenderedOnItsOwnTheControlsShowOnlyTheTransportAndTheScrubber()
    {
        var doc = await ComponentRenderer.RenderAsync<RunControls>(new() { ["Step"] = 0, ["LastStep"] = 14, ["Playing"] = false, ["Speed"] = 4.0 });

        Assert.Null(doc.QuerySelector("[data-testid=play-back-button]"));
        Assert.Null(doc.QuerySelector("[data-testid=pause-banner]"));
        Assert.NotNull(doc.QuerySelector("[data-testid=step-slider]"));
    }

    /// <summary>Renders <typeparamref name="TComponent"/> with the circuit's cascaded page context and shortcut registry, as on a page.</summary>
    private static async Task<IDocument> RenderOnPageAsync<TComponent>(SessionPageContext context, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IJSRuntime, StaticJSRuntime>()
            .AddCascadingValue(_ => context).AddCascadingValue(_ => new ShortcutRegistry()).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        string html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    public void Dispose() => _registry.Dispose();
}
