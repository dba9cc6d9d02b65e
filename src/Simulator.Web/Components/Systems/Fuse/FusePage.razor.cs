using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>The FUSE page binds to <see cref="FuseViewModel"/>; the mount form keeps its own values until submitted.</summary>
public sealed partial class FusePage
{
    private static readonly IReadOnlyList<(string Value, string Text)> Modes = FuseChoices.Modes.Choices;

    private static readonly IReadOnlyList<(string Text, string Value)> CompareChoices = [("nothing", ""), .. Modes.Select(m => (m.Text, m.Value))];

    private static readonly IReadOnlyList<(string Text, string Value)> Presets = [.. FuseViewModel.Presets.Select(p => (p.Title, p.Name))];

    private int _pageSize = 4096;
    private int _maxMessageMiB;
    private int _maxPagesLimit = 256;
    private bool _vectoredReads;
    private bool _vectoredWrites;
    private static readonly IReadOnlyList<CompareScenarioForm.Choice> ComparePresets = [.. FuseViewModel.Presets.Select(p => new CompareScenarioForm.Choice(p.Name, p.Title))];

    /// <summary>With a compared scenario, "nothing" would mean "the same mode": say so.</summary>
    private IReadOnlyList<(string Text, string Value)> CompareChoicesNow => Vm.CompareScenario is null ? CompareChoices : [("same as this run", ""), .. CompareChoices.Skip(1)];

    private IReadOnlyList<ChartSeries> _heap = [];
    private IReadOnlyList<ChartSeries> _copies = [];
    private IReadOnlyList<ChartSeries> _pinned = [];
    private IReadOnlyList<ChartSeries> _pools = [];

    protected override string PagePath => "/fuse";

    protected override FuseViewModel CreateViewModel() => new(Registry);

    protected override void Load(IReadOnlyDictionary<string, string?> query)
    {
        Vm.Load(query);
        AfterAction();
    }

    /// <summary>The form shows the mount the session runs.</summary>
    protected override void AfterAction()
    {
        if (Vm.Scenario is { } scenario)
        {
            _pageSize = scenario.PageSize;
            _maxMessageMiB = (int)(scenario.MaxMessageSize >> 20);
            _maxPagesLimit = scenario.MaxPagesLimit;
            _vectoredReads = scenario.Mount.EnableVectoredReads;
            _vectoredWrites = scenario.Mount.EnableVectoredWrites;
        }
    }

    protected override void ReadCharts()
    {
        _heap = Vm.SeriesOverTime((FuseMetric.HeapBytes, "heap"));
        _copies = Vm.SeriesOverTime((FuseMetric.BytesCopied, "library"), (FuseMetric.FsBytesCopied, "file system"));
        _pinned = Vm.SeriesOverTime((FuseMetric.PinnedBytes, "pinned"));
        _pools = Vm.SeriesOverTime((FuseMetric.Pool1M, "1M"), (FuseMetric.Pool1MPlusPage, "1M+page"));
    }

    private void ApplyMount() => Run(() => Vm.SetMount(_pageSize, _maxMessageMiB, _maxPagesLimit,
        Vm.Mode == "master" ? null : _vectoredReads, Vm.Mode == "master" ? null : _vectoredWrites));

    /// <summary>A run's heading: the daemon's name, after the scenario's when another scenario is compared.</summary>
    private static string RunTitle(string? scenario, string mode) => (scenario is null ? "" : $"{scenario}: ") + FuseChoices.Modes.TitleOf(mode);

}
