using BufferLab.Simulator.Engine.Telemetry.StratumV2;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>
/// The Stratum page binds to <see cref="StratumViewModel"/>. It re-renders at most ~30 times a
/// second however fast the session runs, redraws charts at most once a second while playing,
/// and keeps the URL in step with the view.
/// </summary>
public sealed partial class Stratum
{
    private static readonly TimeSpan MinRenderInterval = TimeSpan.FromMilliseconds(33);
    private static readonly TimeSpan ChartInterval = TimeSpan.FromSeconds(1);

    private IJSObjectReference? _shortcuts;
    private IJSObjectReference? _binding;
    private DotNetObjectReference<Stratum>? _self;
    private int _renderQueued;
    private DateTime _lastRender;
    private DateTime _lastCharts;
    private string _opsText = "";
    private int _opsCapacity = ScenarioRequest.DefaultCapacity;
    private IReadOnlyList<ChartSeries> _messages = [];
    private IReadOnlyList<ChartSeries> _bytes = [];

    [Inject]
    private SessionRegistry Registry { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private StratumViewModel Vm { get; set; } = null!;

    protected override void OnInitialized()
    {
        Vm = new StratumViewModel(Registry);
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Vm.Load(query);
        _opsText = Vm.Ops ?? Vm.Scenario?.OpString ?? "";
        _opsCapacity = Vm.Capacity ?? Vm.Scenario?.Capacity ?? ScenarioRequest.DefaultCapacity;
        UpdateCharts(force: true);
        Vm.Changed += OnChanged;
    }

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
    }

    /// <summary>Runs a control action and renders its result at once.</summary>
    private void Run(Action action)
    {
        action();
        if (Vm.Scenario is { } scenario && Vm.Ops is null)
        {
            _opsText = scenario.OpString;
            _opsCapacity = scenario.Capacity;
        }

        UpdateCharts(force: true);
        StateHasChanged();
    }

    private void RunOps() => Run(() => Vm.RunOps(_opsText, _opsCapacity));

    private void UpdateCharts(bool force)
    {
        if (!force && DateTime.UtcNow - _lastCharts < ChartInterval)
        {
            return;
        }

        _lastCharts = DateTime.UtcNow;
        _messages = Vm.Series(("sv2.messages.pool", "messages in the pool"), ("sv2.messages.heap", "messages on the heap"), ("sv2.live_slices", "live slices"));
        _bytes = Vm.Series(("sv2.heap.bytes", "heap bytes written"), ("sv2.bytes_moved", "bytes moved"), ("sv2.live_pool_bytes", "live pool bytes"));
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

    private string AlarmLink(AlarmInfo alarm) => "/stratum?" + Vm.QueryAt(alarm.Step);

    private static string HeapNote(Sv2Snapshot snapshot)
    {
        int heap = snapshot.Live.Count(s => s.OnHeap);
        return heap == 0 ? "No live slice is on the heap." : $"{heap} live slice{(heap == 1 ? " is" : "s are")} on the heap (Alloc mode), outside this map.";
    }
}
