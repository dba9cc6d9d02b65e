using Bunit;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.History;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>The shortcut help and the save-run form are MudDialogs opened through IDialogService: named, modal, closed by their buttons.</summary>
public sealed class DialogTests : ComponentTest
{
    private readonly TempFolder _folder = new();
    private readonly SessionRegistry _registry = new();
    private readonly RunHistoryStore _store;
    private readonly RunOwner _owner = new();

    public DialogTests()
    {
        _store = new RunHistoryStore(new RunHistoryOptions { DataFolder = _folder.Path, BusyTimeout = TimeSpan.FromMilliseconds(200) });
        Services.AddSingleton(_store);
        _owner.Set(HistoryKey.New());
        Services.AddSingleton(_owner);
        Services.AddSingleton(_registry);
    }

    [Fact]
    public void TheHelpButtonOpensAModalDialogNamedKeyboardShortcutsListingEveryRegisteredKey()
    {
        using var play = Shortcuts.Register(new Shortcut(" ", "Space", "Play or pause", "Play"), () => Task.CompletedTask);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ShortcutHelp>(p => p.AddCascadingValue(Shortcuts));
        Assert.Empty(dialogs.FindAll("[role=dialog]"));

        cut.Find("[data-testid=help-button]").Click();

        var dialog = dialogs.WaitForElement("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Keyboard shortcuts", dialogs.Find($"#{dialog.GetAttribute("aria-labelledby")}").TextContent.Trim());
        Assert.Equal(["Space", "?"], dialogs.FindAll("[data-testid=shortcut-row] kbd").Select(k => k.TextContent));
        Assert.Equal(["Play", "Page"], dialogs.FindAll("[data-testid=shortcut-group] caption").Select(c => c.TextContent));

        dialogs.Find("[data-testid=help-close]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
    }

    [Fact]
    public async Task TheQuestionMarkKeyOpensTheHelpOnceAndItReopensAfterClosing()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<ShortcutHelp>(p => p.AddCascadingValue(Shortcuts));

        _ = dialogs.InvokeAsync(() => Shortcuts.Invoke("?"));
        dialogs.WaitForElement("[data-testid=help-close]");
        _ = dialogs.InvokeAsync(() => Shortcuts.Invoke("?")); // pressed again while open: still one dialog
        await Task.Delay(50);
        Assert.Single(dialogs.FindAll("[role=dialog]"));

        dialogs.Find("[data-testid=help-close]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        _ = dialogs.InvokeAsync(() => Shortcuts.Invoke("?"));
        dialogs.WaitForElement("[data-testid=help-close]");
    }

    [Fact]
    public void SaveRunOpensADialogWithTheNameAndNotesAndASaveClosesItAndSaysWhatWasSaved()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["step"] = "12" });
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RunActions>(p => p.Add(c => c.Vm, vm));
        Assert.Equal("dialog", cut.Find("[data-testid=save-run]").GetAttribute("aria-haspopup"));

        cut.Find("[data-testid=save-run]").Click();

        var dialog = dialogs.WaitForElement("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("Save this run", dialogs.Find($"#{dialog.GetAttribute("aria-labelledby")}").TextContent.Trim());
        var name = dialogs.Find("input[data-testid=save-run-name]");
        Assert.Contains("step 12", name.GetAttribute("value"), StringComparison.Ordinal); // the default name
        Assert.NotNull(dialogs.Find("textarea[data-testid=save-run-notes]"));
        name.Input("case 3 at 12");
        dialogs.Find("textarea[data-testid=save-run-notes]").Input("front mode");

        dialogs.Find("form#save-run-form").Submit();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.StartsWith("Saved “case 3 at 12”. Open the run history", cut.Find("[data-testid=save-run-saved]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(("case 3 at 12", "front mode"), (_store.List(_owner.Key)[0].Name, _store.List(_owner.Key)[0].Notes));
    }

    [Fact]
    public void ARefusedSaveKeepsTheDialogOpenWithWhatWasTypedAndSaysWhyAndCancelClosesIt()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["step"] = "3" });
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RunActions>(p => p.Add(c => c.Vm, vm));
        cut.Find("[data-testid=save-run]").Click();
        dialogs.WaitForElement("input[data-testid=save-run-name]").Input("   ");
        dialogs.Find("textarea[data-testid=save-run-notes]").Input("kept");

        dialogs.Find("form#save-run-form").Submit();

        dialogs.WaitForElement("[data-testid=save-run-error]");
        Assert.Equal("kept", dialogs.Find("textarea[data-testid=save-run-notes]").TextContent);
        dialogs.Find("[data-testid=save-run-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        Assert.Empty(cut.FindAll("[data-testid=save-run-saved]"));
        Assert.Empty(_store.List(_owner.Key));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registry.Dispose();
            _folder.Dispose();
        }

        base.Dispose(disposing);
    }
}
