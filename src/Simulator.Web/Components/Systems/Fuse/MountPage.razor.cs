using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// The real-mount page binds to <see cref="MountViewModel"/>. While a run goes on it reads the
/// counters about 4 times a second (and at once when the run ends), on the circuit; the run itself
/// is on a thread of its own. Leaving the page cancels the run, which unmounts.
/// </summary>
public sealed partial class MountPage : IAsyncDisposable
{
    /// <summary>How often the live counters and the histogram are read while a run goes on.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    private static readonly IReadOnlyList<(string Value, string Text)> Modes = FuseChoices.Modes.Choices;

    private readonly CancellationTokenSource _leaving = new();

    /// <summary>The fields a problem can name, in the form's order: a refused submit puts the focus on the first that is wrong.</summary>
    private readonly Dictionary<string, ElementReference> _fields = new(StringComparer.Ordinal);
    private IJSObjectReference? _shortcuts;
    private IJSObjectReference? _binding;
    private DotNetObjectReference<ShortcutRegistry>? _keys;

    [Inject]
    private RealMountRunner Runner { get; set; } = null!;

    [Inject]
    private ScenarioLibrary Library { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private ShortcutRegistry Shortcuts { get; set; } = null!;

    private MountViewModel Vm { get; set; } = null!;

    private int DataRequests => Vm.Run?.Requests.Count(r => r.IsData && r.Error == 0) ?? 0;

    public async ValueTask DisposeAsync()
    {
        await _leaving.CancelAsync();
        Vm.Dispose();
        await _binding.DisposeQuietlyAsync("dispose");
        await _shortcuts.DisposeQuietlyAsync();
        _keys?.Dispose();
        _leaving.Dispose();
    }

    protected override void OnInitialized() => Vm = new MountViewModel(Runner, Library);

    /// <summary>The circuit's shortcuts (the `?` help) bound here too; binding marks the page interactive, which tests wait for.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _keys = DotNetObjectReference.Create(Shortcuts);
            _shortcuts = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
            _binding = await _shortcuts.InvokeAsync<IJSObjectReference>("bind", _keys, Shortcuts.BrowserKeys);
        }
    }

    private async Task Start()
    {
        if (Vm.Start())
        {
            _ = WatchAsync(Vm.Run!);
            return;
        }

        string[] order = [MountViewModel.Fields.Block, MountViewModel.Fields.Total, MountViewModel.Fields.MaxPagesLimit, MountViewModel.Fields.MaxMessage];
        if (order.FirstOrDefault(Vm.Problems.ContainsKey) is { } wrong && _fields.TryGetValue(wrong, out ElementReference field))
        {
            StateHasChanged();
            await Task.Yield(); // rendered first: the field's problem is there to be read when it gets the focus
            await field.FocusAsync();
        }
    }

    /// <summary>Reads the run's counters until it has ended and they are final; the awaits come back to the circuit.</summary>
    private async Task WatchAsync(MountRun run)
    {
        while (!_leaving.IsCancellationRequested && Vm.Run == run && !Vm.Final)
        {
            await Task.WhenAny(run.Completion, Task.Delay(RefreshEvery, _leaving.Token));
            if (_leaving.IsCancellationRequested)
            {
                return;
            }

            Vm.Refresh();
            StateHasChanged();
        }
    }

    private void OpenRecording()
    {
        if (Vm.OpenRecording() is { } link)
        {
            Navigation.NavigateTo(link);
        }
    }

    private static string StatusWord(MountRun run, bool final) => run switch
    {
        { CancelRequested: true } when !final => "Cancelling…",
        _ when !final => "Mounted: dd is moving bytes through the daemon…",
        { Failure: not null } => "The run failed.",
        { Report: { Stopped: not null } } => "The run stopped early.",
        { Report.Unmounted: true } => "Done, and unmounted.",
        _ => "Done, but the mount is still there.",
    };

    private string? ProblemId(string field) => Vm.Problems.ContainsKey(field) ? $"problem-{field}" : null;

    private string? Invalid(string field) => Vm.Problems.ContainsKey(field) ? "true" : null;
}
