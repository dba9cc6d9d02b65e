using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>
/// What every system page does around its view model: open it from the URL, re-render at most ~30
/// times a second however fast the session runs, redraw charts at most once a second while
/// playing, keep the URL in step with the view, and answer the keyboard shortcuts.
/// </summary>
public abstract class SessionPage<TViewModel> : ComponentBase, IAsyncDisposable
    where TViewModel : SessionViewModel
{
    private static readonly TimeSpan MinRenderInterval = TimeSpan.FromMilliseconds(33);
    private static readonly TimeSpan ChartInterval = TimeSpan.FromSeconds(1);

    private IJSObjectReference? _shortcuts;
    private IJSObjectReference? _binding;
    private DotNetObjectReference<SessionPage<TViewModel>>? _self;
    private int _renderQueued;
    private DateTime _lastRender;
    private DateTime _lastCharts;

    [Inject]
    protected SessionRegistry Registry { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    protected TViewModel Vm { get; private set; } = null!;

    /// <summary>The page's path, e.g. "/stratum", for links to a step.</summary>
    protected abstract string PagePath { get; }

    [JSInvokable]
    public Task OnShortcut(string key)
    {
        Action? action = key switch
        {
            " " => Vm.TogglePlay,
            "ArrowRight" => Vm.StepForward,
            "ArrowLeft" => Vm.StepBack,
            "Home" => Vm.Reset,
            "End" => () => Vm.SeekTo(Vm.LastStep),
            _ => null,
        };
        return action is null ? Task.CompletedTask : InvokeAsync(() => Run(action));
    }

    public async ValueTask DisposeAsync()
    {
        Vm.Changed -= OnChanged;
        Vm.Dispose();
        try
        {
            if (_binding is not null)
            {
                await _binding.InvokeVoidAsync("dispose");
                await _binding.DisposeAsync();
            }

            if (_shortcuts is not null)
            {
                await _shortcuts.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // the browser is gone
        }

        _self?.Dispose();
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
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Load(query);
        UpdateCharts(force: true);
        Vm.Changed += OnChanged;
    }

    /// <summary>Opens what the URL asks for.</summary>
    protected abstract void Load(IReadOnlyDictionary<string, string?> query);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _shortcuts = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
            _binding = await _shortcuts.InvokeAsync<IJSObjectReference>("bind", _self);
        }

        if (_shortcuts is not null && !Vm.Playing)
        {
            await _shortcuts.InvokeVoidAsync("replaceQuery", Vm.QueryString);
        }
    }

    /// <summary>Runs a control action and renders its result at once.</summary>
    protected void Run(Action action)
    {
        action();
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

    /// <summary>Session changes arrive on the play loop's thread, possibly thousands a second: coalesce them into one render per interval.</summary>
    private void OnChanged()
    {
        if (Interlocked.Exchange(ref _renderQueued, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            TimeSpan wait = MinRenderInterval - (DateTime.UtcNow - _lastRender);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            Interlocked.Exchange(ref _renderQueued, 0);
            _lastRender = DateTime.UtcNow;
            Vm.Sync();
            UpdateCharts(force: !Vm.Playing);
            StateHasChanged();
        });
    }
}
