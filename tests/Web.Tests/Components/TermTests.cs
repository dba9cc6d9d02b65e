using Bunit;
using BufferLab.Simulator.Web.Components.Controls;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>A glossary word: underlined, focusable, described for screen readers, its definition in a tooltip on focus or hover.</summary>
public sealed class TermTests : ComponentTest
{
    [Fact]
    public void ATermIsFocusableAndDescribedByItsGlossaryDefinitionWhichTheLayoutListsOnce()
    {
        var cut = Render<Term>(p => p.Add(t => t.Of, "iovec"));
        var definitions = Render<GlossaryDefinitions>();

        var term = cut.Find("[data-testid=term]");
        Assert.Equal(("iovec", "0", "iovec"), (term.TextContent, term.GetAttribute("tabindex"), term.GetAttribute("data-term")));
        Assert.Contains("term", term.ClassList);
        string id = term.GetAttribute("aria-describedby")!;
        Assert.Equal(Glossary.Define("iovec"), definitions.Find($"#{id}").TextContent);
        Assert.True(definitions.Find("[data-testid=glossary-definitions]").HasAttribute("hidden")); // read out, never shown twice
        Assert.Equal(Glossary.Terms.Count, definitions.FindAll("[data-testid=glossary-definitions] > span").Count);
    }

    [Fact]
    public void ATermMayShowOtherWordsThanItsKey()
    {
        var cut = Render<Term>(p => p.Add(t => t.Of, "slot map").AddChildContent("Slots"));

        var term = cut.Find("[data-testid=term]");
        Assert.Equal(("Slots", "slot map", Glossary.DefinitionId("slot map")), (term.TextContent, term.GetAttribute("data-term"), term.GetAttribute("aria-describedby")));
    }

    [Fact]
    public async Task FocusShowsTheDefinitionInATooltipAndEscHidesIt()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<Term>(p => p.Add(t => t.Of, "RSS"));
        Assert.DoesNotContain(Glossary.Define("RSS"), popovers.Markup, StringComparison.Ordinal);

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onfocusin", new FocusEventArgs());

        popovers.WaitForAssertion(() => Assert.Contains(Glossary.Define("RSS"), popovers.Find(".mud-tooltip.mud-popover-open").TextContent, StringComparison.Ordinal));
        await cut.Find("[data-testid=term]").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll(".mud-tooltip.mud-popover-open")));
    }

    [Fact]
    public void EveryGlossaryWordHasADefinitionInWordsAndItsOwnId()
    {
        Assert.All(Glossary.Terms, t => Assert.True(t.Value.Length > 40, $"{t.Key}: say it in words"));
        Assert.Equal(Glossary.Terms.Count, Glossary.Terms.Keys.Select(Glossary.DefinitionId).Distinct().Count());
        Assert.Throws<KeyNotFoundException>(() => Glossary.Define("no such word"));
    }
}
