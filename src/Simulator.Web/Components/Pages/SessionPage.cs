using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>
/// What every system page does around its view model: open it from the URL, re-render at most once
/// per <see cref="ChangeThrottle.Interval"/> however fast the session runs, redraw charts at most once a second while
/// playing, keep the URL in step with the view, and answer the keyboard shortcuts.
/// </summary>
public abstract partial class SessionPage<TViewModel> : ComponentBase, IAsyncDisposable
    where TViewModel : SessionViewModel
{
    private static readonly TimeSpan ChartInterval = TimeSpan.FromSeconds(1);

    private IJSObjectReference? _shortcuts;
    private IJSObjectReference? _binding;
    private DotNetObjectReference<ShortcutRegistry>? _keys;
    private readonly List<IDisposable> _shortcutRegistrations = [];
    private ChangeSubscription? _changes;
    private PersistingComponentStateSubscription? _persisting;
    private const string HandoffKey = "bufferlab.session-handoff";
    private DateTime _lastCharts;

    [Inject]
    protected SessionRegistry Registry { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>Carries the prerendered view's session handoff token to the circuit.</summary>
    [Inject]
    private PersistentComponentState State { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>The circuit's page slot: the shared controls (timeline, share link, ...) find this page's view model there.</summary>
    [Inject]
    private SessionPageContext PageContext { get; set; } = null!;

    /// <summary>The circuit's keyboard shortcuts: this page registers its controls' keys; others register theirs.</summary>
    [Inject]
    private ShortcutRegistry Shortcuts { get; set; } = null!;

    /// <summary>This tab's presenting or following (one per circuit, so it lasts across system pages).</summary>
    [Inject]
    protected PresentingCircuit Presenting { get; set; } = null!;

    protected TViewModel Vm { get; private set; } = null!;

    /// <summary>The page's path, e.g. "/stratum", for links to a step.</summary>
    protected abstract string PagePath { get; }

    public async ValueTask DisposeAsync()
    {
        _changes?.Dispose();
        _persisting?.Dispose();
        Presenting.Changed -= OnPresentingChanged;
        Shortcuts.Changed -= OnShortcutsChanged;
        _shortcutRegistrations.ForEach(r => r.Dispose());
        PageContext.Detach(this);
        Vm.Dispose();
        await _binding.DisposeQuietlyAsync("dispose");
        await _shortcuts.DisposeQuietlyAsync();

        _keys?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract TViewModel CreateViewModel();

    /// <summary>Reads the chart lines from the view model.</summary>
    protected abstract void ReadCharts();

    /// <summary>After a control action ran, before rendering (e.g. to refill form fields).</summary>
    protected virtual void AfterAction()
    {
    }

    protected override void OnInitialized()
    {
        Vm = CreateViewModel();
        Dictionary<string, string?> query = ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);

        // The prerender built this view's runs already: the circuit takes them over instead of
        // building them again (cold load pays for one build, not two).
        bool tookOver = State.TryTakeFromJson(HandoffKey, out string? token) && token is not null;
        if (tookOver)
        {
            Vm.TakeOver(token!);
        }

        _followCode = query.GetValueOrDefault("follow");
        _resumeCode = query.GetValueOrDefault("resume");
        if (_followCode is { } code && Presenting.Following?.Code == code)
        {
            Vm.SharedWith = code; // the presenter moved to this page: join the followers' runs from the start
        }
        Load(query);
        if (tookOver)
        {
            Vm.ReleaseUnclaimed();
        }

        if (!RendererInfo.IsInteractive)
        {
            _persisting = State.RegisterOnPersisting(() =>
            {
                State.PersistAsJson(HandoffKey, Vm.HandOver());
                return Task.CompletedTask;
            });
        }

        UpdateCharts(force: true);
        _changes = Vm.Subscribe(() => InvokeAsync(Render));
        PageContext.Attach(this, Vm, Run, step => Navigation.ToAbsoluteUri(LinkTo(step)).AbsoluteUri, PagePath);
        RegisterShortcuts();
        Presenting.Changed += OnPresentingChanged;
    }

    /// <summary>The keys of the run's controls (the share link and the help register their own; see <see cref="ShortcutRegistry"/>).</summary>
    private void RegisterShortcuts()
    {
        void Key(string key, string label, string description, string group, Action action) =>
            _shortcutRegistrations.Add(Shortcuts.Register(new Shortcut(key, label, description, group), () => InvokeAsync(() => Run(action))));

        Key(" ", "Space", "Play or pause (resumes in the direction it paused)", "Play", () => Vm.PlayOrPause());
        Key("b", "B", "Play backwards, or pause", "Play", () => Vm.PlayBackward());
        Key("ArrowRight", "→", "One step forward", "Move", () => Vm.StepForward());
        Key("ArrowLeft", "←", "One step back", "Move", () => Vm.StepBack());
        Key("Home", "Home", "Reset to step 0", "Move", () => Vm.Reset());
        Key("End", "End", "Go to the last step", "Move", () => Vm.SeekTo(Vm.LastStep));
        Key("[", "[", "Go to the previous mark", "Timeline", () => Vm.GoToPreviousMark());
        Key("]", "]", "Go to the next mark", "Timeline", () => Vm.GoToNextMark());
        _shortcutRegistrations.Add(Shortcuts.Register(new Shortcut("g", "G", "Type a step to jump to", "Timeline", Focus: "[data-testid=jump-input]")));
    }

    /// <summary>Someone registered or removed a shortcut: the browser listens for the new set of keys.</summary>
    private void OnShortcutsChanged() => _ = InvokeAsync(async () =>
    {
        if (_binding is not null)
        {
            try
            {
                await _binding.InvokeVoidAsync("setKeys", Shortcuts.BrowserKeys);
            }
            catch (JSDisconnectedException)
            {
                // the browser is gone
            }
        }
    });

    /// <summary>Opens what the URL asks for.</summary>
    protected abstract void Load(IReadOnlyDictionary<string, string?> query);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _keys = DotNetObjectReference.Create(Shortcuts);
            _shortcuts = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
            _binding = await _shortcuts.InvokeAsync<IJSObjectReference>("bind", _keys, Shortcuts.BrowserKeys);
            Shortcuts.Changed += OnShortcutsChanged;
            await FollowFromUrlAsync();
            ShowToFollowers(); // a presenter who moved to this page: the followers come along
        }

        if (_shortcuts is not null && !Vm.Playing)
        {
            await _shortcuts.InvokeVoidAsync("replaceQuery", Vm.QueryString + (Presenting.Following is { } link ? "&follow=" + link.Code : ""));
        }
    }

    /// <summary>Runs a control action and renders its result at once.</summary>
    protected void Run(Action action)
    {
        if (Presenting.Following is { Latest.IsEnded: false })
        {
            Presenting.RefuseControl(); // the presenter steps; "Explore from here" makes the view the follower's own
            return;
        }

        action();
        ShowResult();
        ShowToFollowers();
    }

    /// <summary>Renders what an action (or the presenter) changed at once, charts and form fields included.</summary>
    private void ShowResult()
    {
        AfterAction();
        UpdateCharts(force: true);
        StateHasChanged();
    }

    /// <summary>The link that opens this workload at <paramref name="step"/>.</summary>
    protected string LinkTo(int step) => $"{PagePath}?{Vm.QueryAt(step)}";

    private void UpdateCharts(bool force)
    {
        if (!force && DateTime.UtcNow - _lastCharts < ChartInterval)
        {
            return;
        }

        _lastCharts = DateTime.UtcNow;
        ReadCharts();
    }

    /// <summary>A change of the view's sessions, delivered at most ~30 times a second however fast they run.</summary>
    private void Render()
    {
        Vm.Sync();
        UpdateCharts(force: !Vm.Playing);
        StateHasChanged();
        ShowToFollowers();
    }

    private static Dictionary<string, string?> ParseQuery(string query) =>
        QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
