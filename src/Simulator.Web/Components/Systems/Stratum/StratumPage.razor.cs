using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>The Stratum page binds to <see cref="StratumViewModel"/>; the op form keeps its own text until run.</summary>
public sealed partial class StratumPage
{
    private static readonly IReadOnlyList<(string Value, string Text)> Variants = Sv2Choices.Variants.Choices;

    private static readonly IReadOnlyList<(string Text, string Value)> CompareChoices = [("nothing", ""), .. Variants.Select(v => (v.Text, v.Value))];

    private static readonly IReadOnlyList<(string Text, string Value)> Presets = [.. StratumViewModel.Presets.Select(p => (p.Title, p.Name))];

    private static readonly IReadOnlyList<CompareScenarioForm.Choice> ComparePresets = [.. StratumViewModel.Presets.Select(p => new CompareScenarioForm.Choice(p.Name, p.Title))];

    private string _opsText = "";
    private int _opsCapacity = ScenarioRequest.DefaultCapacity;
    private IReadOnlyList<ChartSeries> _messages = [];
    private IReadOnlyList<ChartSeries> _bytes = [];

    protected override string PagePath => "/stratum";

    protected override StratumViewModel CreateViewModel() => new(Registry);

    protected override void Load(IReadOnlyDictionary<string, string?> query)
    {
        Vm.Load(query);
        _opsText = Vm.Ops ?? Vm.Scenario?.OpString ?? "";
        _opsCapacity = Vm.Capacity ?? Vm.Scenario?.Capacity ?? ScenarioRequest.DefaultCapacity;
    }

    protected override void AfterAction()
    {
        if (Vm.Scenario is { } scenario && Vm.Ops is null)
        {
            _opsText = scenario.OpString;
            _opsCapacity = scenario.Capacity;
        }
    }

    protected override void ReadCharts()
    {
        _messages = Vm.SeriesOverTime((Sv2Metric.PoolMessages, "messages in the pool"), (Sv2Metric.HeapMessages, "messages on the heap"), (Sv2Metric.LiveSlices, "live slices"));
        _bytes = Vm.SeriesOverTime((Sv2Metric.HeapBytes, "heap bytes written"), (Sv2Metric.BytesMoved, "bytes moved"), (Sv2Metric.LivePoolBytes, "live pool bytes"));
    }

    private void RunOps() => Run(() => Vm.RunOps(_opsText, _opsCapacity));


    private static string HeapNote(Sv2Snapshot snapshot)
    {
        int heap = snapshot.Live.Count(s => s.OnHeap);
        return heap == 0 ? "No live slice is on the heap." : $"{heap} live slice{(heap == 1 ? " is" : "s are")} on the heap (Alloc mode), outside this map.";
    }
}
