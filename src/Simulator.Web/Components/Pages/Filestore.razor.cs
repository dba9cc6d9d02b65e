using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>The filestore page binds to <see cref="FilestoreViewModel"/>.</summary>
public sealed partial class Filestore
{
    private static readonly int[] Statuses = [0, 10, 11, 12];

    private static readonly IReadOnlyList<CompareScenarioForm.Choice> ComparePresets = [.. FilestoreViewModel.Presets.Select(p => new CompareScenarioForm.Choice(p.Name, p.Title))];

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
        _resident = Vm.SeriesOverTime(("filestore.file_resident_bytes", "cached"));
        _rss = Vm.SeriesOverTime(("filestore.rss_anon_bytes", "anon"), ("filestore.rss_file_bytes", "file"));
        _pageCache = Vm.SeriesOverTime(("filestore.page_cache_bytes", "page cache"));
        _reads = Vm.SeriesOverTime(("filestore.reads_per_second", "reads/s"));
        _latency = Vm.SeriesOverTime(("filestore.read_latency_p50_us", "p50"), ("filestore.read_latency_p99_us", "p99"));
        _statuses = Vm.SeriesOverTime([.. Statuses.Where(Seen).Select(s => ($"filestore.status.{s}", s == 0 ? "ok" : s.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
    }

    private bool Seen(int status) =>
        (Vm.Snapshot?.StatusCounts.ContainsKey(status) ?? false) || (Vm.CompareSnapshot?.StatusCounts.ContainsKey(status) ?? false);

    private static string ReaderTitle(string reader) => reader == "mmap"
        ? "mmap reader (WithMMapReader): map the whole file, copy the block out, unmap"
        : "std reader (default): open, pread the block, close";
}
