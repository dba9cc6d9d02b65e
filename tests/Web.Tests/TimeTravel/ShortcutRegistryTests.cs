using BufferLab.Simulator.Web.Components.Controls;

namespace BufferLab.Simulator.Web.Tests.TimeTravel;

public sealed class ShortcutRegistryTests
{
    [Fact]
    public async Task ARegisteredKeyIsAnsweredListedAndGoneOnceDisposed()
    {
        var registry = new ShortcutRegistry();
        int changes = 0, pressed = 0;
        registry.Changed += () => changes++;

        IDisposable registration = registry.Register(new Shortcut("t", "T", "Switch the theme", "Page"), () => { pressed++; return Task.CompletedTask; });
        await registry.Invoke("t");
        await registry.Invoke("x"); // not registered: nothing

        Assert.Equal(1, pressed);
        Assert.Equal(["t"], registry.Keys);
        Assert.Equal("Switch the theme", Assert.Single(registry.All).Description);

        registration.Dispose();
        registration.Dispose();
        await registry.Invoke("t");
        Assert.Equal(1, pressed);
        Assert.Empty(registry.Keys);
        Assert.Equal(2, changes);
    }

    [Fact]
    public async Task TheLaterRegistrationOfAKeyAnswersItAndTheHelpListsItOnceByGroup()
    {
        var registry = new ShortcutRegistry();
        var log = new List<string>();
        registry.Register(new Shortcut("?", "?", "Show these shortcuts", "Page"), () => { log.Add("help"); return Task.CompletedTask; });
        using IDisposable first = registry.Register(new Shortcut(" ", "Space", "Play or pause (old page)", "Play"), () => { log.Add("old"); return Task.CompletedTask; });
        registry.Register(new Shortcut("x", "X", "Something of a teaching mode", "Teaching"), () => Task.CompletedTask);
        using IDisposable second = registry.Register(new Shortcut(" ", "Space", "Play or pause", "Play"), () => { log.Add("new"); return Task.CompletedTask; });

        await registry.Invoke(" ");
        Assert.Equal(["new"], log);
        Assert.Equal(["Play or pause", "Show these shortcuts", "Something of a teaching mode"], registry.All.Select(s => s.Description));

        second.Dispose(); // the new page's went first: the old one answers again until it goes too
        await registry.Invoke(" ");
        Assert.Equal(["new", "old"], log);
    }

    [Fact]
    public void AFocusShortcutIsHandledInTheBrowser()
    {
        var registry = new ShortcutRegistry();
        registry.Register(new Shortcut("g", "G", "Type a step to jump to", "Timeline", Focus: "[data-testid=jump-input]"));
        registry.Register(new Shortcut("]", "]", "Go to the next mark", "Timeline"), () => Task.CompletedTask);

        Assert.Equal([new BrowserKey("g", "[data-testid=jump-input]"), new BrowserKey("]", null)], registry.BrowserKeys);
    }
}
