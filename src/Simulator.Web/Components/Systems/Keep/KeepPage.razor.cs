using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>The keepstore page binds to <see cref="KeepViewModel"/>.</summary>
public sealed partial class KeepPage
{
    private static readonly IReadOnlyList<(string Value, string Text)> Modes = KeepChoices.Modes.Choices;

    private static readonly IReadOnlyList<(string Text, string Value)> CompareChoices = [("nothing", ""), .. Modes.Select(m => (m.Text, m.Value))];

    private static readonly IReadOnlyList<(string Text, string Value)> Presets = [.. KeepViewModel.Presets.Select(p => (p.Title, p.Name))];

    private static readonly IReadOnlyList<CompareScenarioForm.Choice> ComparePresets = [.. KeepViewModel.Presets.Select(p => new CompareScenarioForm.Choice(p.Name, p.Title))];

    /// <summary>With a compared scenario, "nothing" would mean "the same mode": say so.</summary>
    private IReadOnlyList<(string Text, string Value)> CompareChoicesNow => Vm.CompareScenario is null ? CompareChoices : [("same as this run", ""), .. CompareChoices.Skip(1)];

    private IReadOnlyList<ChartSeries> _buffers = [];
    private IReadOnlyList<ChartSeries> _memory = [];
    private IReadOnlyList<ChartSeries> _reads = [];
    private IReadOnlyList<ChartSeries> _statuses = [];
    private IReadOnlyList<ChartSeries> _latency = [];

    protected override string PagePath => "/keep";

    protected override KeepViewModel CreateViewModel() => new(Registry);

    protected override void Load(IReadOnlyDictionary<string, string?> query) => Vm.Load(query);

    protected override void ReadCharts()
    {
        _buffers = Vm.SeriesOverTime((KeepMetric.InUseBuffers, "in use"), (KeepMetric.BufferWaiters, "waiting"));
        _memory = Vm.SeriesOverTime((KeepMetric.AllocatedBytes, "allocated"), (KeepMetric.LiveBufferBytes, "live"));
        _reads = Vm.SeriesOverTime((KeepMetric.Requests, "requests"), (KeepMetric.VolumeReads, "volume reads"));
        _statuses = Vm.SeriesOverTime([.. KeepMetric.ChartedStatuses.Where(Seen).Select(s => (KeepMetric.Status(s), s.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        _latency = Vm.SeriesOverTime((KeepMetric.LatencyP50Ms, "p50"), (KeepMetric.LatencyP99Ms, "p99"));
    }

    /// <summary>Only statuses some run answered with get a line.</summary>
    private bool Seen(int status) =>
        (Vm.Totals?.Statuses.Any(s => s.Status == status) ?? false) || (Vm.CompareTotals?.Statuses.Any(s => s.Status == status) ?? false);

    private static string ModeTitle(string mode) => mode switch
    {
        "legacy" => "Legacy keepstore (2017): semaphore, whole-block reads",
        "coalescing" => "Coalescing (#10541 as proposed): shared, hash-tagged buffers",
        _ => "Current keepstore: request limiter, pool, streamWriterAt",
    };

}
