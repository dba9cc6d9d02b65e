using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Systems.Filestore;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BufferLab.Simulator.Web.Components.Systems.Filestore;

/// <summary>The filestore page binds to <see cref="FilestoreViewModel"/>.</summary>
public sealed partial class FilestorePage
{
    private static readonly FilestoreStatus[] Statuses = [FilestoreStatus.Ok, FilestoreStatus.FileError, FilestoreStatus.FileNotFound, FilestoreStatus.FileChanged];

    private static readonly IReadOnlyList<(string Value, string Text)> Readers = FilestoreChoices.Readers.Choices;

    private static readonly IReadOnlyList<(string Text, string Value)> Presets = [.. FilestoreViewModel.Presets.Select(p => (p.Title, p.Name))];

    private static readonly IReadOnlyList<CompareScenarioForm.Choice> ComparePresets = [.. FilestoreViewModel.Presets.Select(p => new CompareScenarioForm.Choice(p.Name, p.Title))];

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private IReadOnlyList<ChartSeries> _resident = [];
    private IReadOnlyList<ChartSeries> _rss = [];
    private IReadOnlyList<ChartSeries> _pageCache = [];
    private IReadOnlyList<ChartSeries> _reads = [];
    private IReadOnlyList<ChartSeries> _latency = [];
    private IReadOnlyList<ChartSeries> _statuses = [];

    protected override string PagePath => "/filestore";

    protected override FilestoreViewModel CreateViewModel() => new(Registry);

    protected override void Load(IReadOnlyDictionary<string, string?> query) => Vm.Load(query);

    protected override void ReadCharts()
    {
        _resident = Vm.SeriesOverTime((FilestoreMetric.FileResidentBytes, "cached"));
        _rss = Vm.ProcessSeries((FilestoreMetric.RssAnonBytes, "RSS anon"), (FilestoreMetric.RssFileBytes, "RSS file"));
        _pageCache = Vm.ProcessSeries((FilestoreMetric.PageCacheBytes, "page cache"));
        _reads = Vm.SeriesOverTime((FilestoreMetric.ReadsPerSecond, "reads/s"));
        _latency = Vm.SeriesOverTime((FilestoreMetric.ReadLatencyP50Us, "p50"), (FilestoreMetric.ReadLatencyP99Us, "p99"));
        _statuses = Vm.SeriesOverTime([.. Statuses.Where(Seen).Select(s => (FilestoreMetric.Status(s), s == FilestoreStatus.Ok ? "ok" : ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
    }

    /// <summary>Drops the run's cached pages and confirms it with what the measurement shows now.</summary>
    private void DropCache(bool compared)
    {
        string? done = null;
        Run(() => done = Vm.DropCache(compared));
        if (done is not null)
        {
            Snackbar.Add(done, Severity.Success);
        }
    }

    private bool Seen(FilestoreStatus status) =>
        (Vm.Snapshot?.StatusCounts.ContainsKey((int)status) ?? false) || (Vm.CompareSnapshot?.StatusCounts.ContainsKey((int)status) ?? false);

    private static string ReaderTitle(string reader) => reader == "mmap"
        ? "mmap reader (WithMMapReader): map the whole file, copy the block out, unmap"
        : "std reader (default): open, pread the block, close";
}
