using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Components;

/// <summary>
/// The real-mount page with jobs of the tests' own (no mount): the form's problems next to their
/// fields, the state of a machine that cannot mount, one mount at a time per server, cancel, and
/// the recording opened on the FUSE page from the scenario library.
/// </summary>
public sealed class MountPageTests : ComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ScenarioLibrary _library = new();
    private readonly List<MountOptions> _started = [];
    private readonly ManualResetEventSlim _release = new(initialState: true);
    private string? _unavailable;

    public MountPageTests()
    {
        Services.AddSingleton(_library);
        Services.AddSingleton(new RealMountRunner(() => _unavailable, Job));
    }

    /// <summary>What the fake kernel sent: 16 WRITEs then 16 READs of 1 MiB.</summary>
    private static RequestRecord[] Requests =>
    [
        new(0, "INIT", 1, 104, 0, 0, 0, 0, 0, 0, 0, 0),
        .. Enumerable.Range(0, 16).Select(i => new RequestRecord(10 + i, "WRITE", (ulong)(2 + i), 80 + (1u << 20), (long)i << 20, 1 << 20, 0, 0, 1, 0, 0, 64)),
        .. Enumerable.Range(0, 16).Select(i => new RequestRecord(100 + i, "READ", (ulong)(20 + i), 80, (long)i << 20, 1 << 20, 0, 0, 1, 0, 0, 64)),
    ];

    /// <summary>A job that waits for <see cref="_release"/> (or a cancel), then reports what the fake kernel sent.</summary>
    private MountJob Job(MountOptions options)
    {
        lock (_started)
        {
            _started.Add(options);
        }

        return new MountJob(cancel =>
        {
            WaitHandle.WaitAny([_release.WaitHandle, cancel.WaitHandle]);
            return new MountReport
            {
                Description = options.Describe(),
                Init = null,
                Opcodes = new Dictionary<string, int> { ["WRITE"] = 16, ["READ"] = 16, ["INIT"] = 1 },
                Sizes = [new SizeBucket(1 << 20, 16, 16)],
                Transfers = [new DdResult("write", 16 << 20, 0.01, 0, null, true), new DdResult("read", 16 << 20, 0.01, 0, null, true)],
                Costs = DataRequestCosts.From(Requests),
                Errors = new Dictionary<string, int>(),
                ProtocolErrors = [],
                Stopped = cancel.IsCancellationRequested ? "interrupted: the connection was aborted" : null,
                Unmounted = true,
            };
        }, () => Requests);
    }

    private IRenderedComponent<MountPage> Page() => Render<MountPage>();

    [Fact]
    public void TheDefaultsShowThePoint()
    {
        var page = Page();
        Assert.Equal("vectored", page.Find("[data-testid=mount-mode]").GetAttribute("value"));
        Assert.Equal((4 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=mount-bs]").GetAttribute("value"));
        Assert.Equal("256", page.Find("[data-testid=mount-total]").GetAttribute("value"));
        Assert.Equal("1024", page.Find("[data-testid=mount-max-pages-limit]").GetAttribute("value"));
        Assert.Equal("4", page.Find("[data-testid=mount-max-message]").GetAttribute("value"));
        Assert.True(page.Find("[data-testid=mount-direct]").HasAttribute("checked"));
        Assert.Contains("mount --mode vectored --bs 4MiB --total 256MiB --direct --max-pages-limit 1024 --max-message-size 4MiB", page.Find("[data-testid=mount-cli]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTotalIsRefusedNextToItsFieldAndNothingMounts()
    {
        var page = Page();
        Assert.True(page.Find("[data-testid=mount-form]").HasAttribute("novalidate")); // the browser's own checks would block the submit and these words
        page.Find("[data-testid=mount-total]").Change("300");
        await page.Find("[data-testid=mount-form]").SubmitAsync();

        string problem = page.Find("[data-testid=problem-total]").TextContent;
        Assert.Contains("from 16 to 256 MiB", problem, StringComparison.Ordinal);
        Assert.Equal("problem-total", page.Find("[data-testid=mount-total]").GetAttribute("aria-describedby"));
        JSInterop.VerifyFocusAsyncInvoke(); // the keyboard lands on the wrong field
        Assert.Empty(_started);

        // a total that is no whole number of blocks, and a limit out of range: each by its own field
        page.Find("[data-testid=mount-bs]").Change((16 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Find("[data-testid=mount-total]").Change("24");
        page.Find("[data-testid=mount-max-pages-limit]").Change("0");
        await page.Find("[data-testid=mount-form]").SubmitAsync();
        Assert.Contains("24 MiB is not a multiple of 16 MiB", page.Find("[data-testid=problem-total]").TextContent, StringComparison.Ordinal);
        Assert.Contains("max_pages_limit must be from 1 to 65535, got 0", page.Find("[data-testid=problem-max-pages-limit]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_started);

        // put right, the problems go and the run starts
        page.Find("[data-testid=mount-total]").Change("32");
        page.Find("[data-testid=mount-max-pages-limit]").Change("");
        await page.Find("[data-testid=mount-form]").SubmitAsync();
        Assert.Empty(page.FindAll(".field-problem"));
        MountOptions started = Assert.Single(_started);
        Assert.Null(started.MaxPagesLimit);
        Assert.Equal(32L << 20, started.TotalBytes);
    }

    [Fact]
    public async Task AMachineThatCannotMountSaysWhyAndTheFormIsDisabled()
    {
        _unavailable = "this machine has no /dev/fuse (load the fuse module, or give the container --device /dev/fuse)";
        var page = Page();

        Assert.Contains("no /dev/fuse", page.Find("[data-testid=mount-unavailable-reason]").TextContent, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Simulator.Cli -- mount --mode vectored", page.Find("[data-testid=mount-unavailable] [data-testid=mount-cli]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("fieldset.mount-fields").HasAttribute("disabled"));
        Assert.True(page.Find("button[data-testid=mount-run]").HasAttribute("disabled"));
        await page.Find("[data-testid=mount-form]").SubmitAsync();
        Assert.Empty(_started);
    }

    [Fact]
    public async Task OneMountAtATimeASecondPersonIsToldToTryAgain()
    {
        _release.Reset();
        var first = Page();
        await first.Find("[data-testid=mount-form]").SubmitAsync();
        first.WaitForAssertion(() => Assert.NotNull(first.Find("[data-testid=mount-cancel]")), Wait);

        var second = Page(); // another circuit on the same server
        await second.Find("[data-testid=mount-form]").SubmitAsync();
        Assert.Equal(MountViewModel.BusyMessage, second.Find("[data-testid=mount-notice]").TextContent);
        Assert.Single(_started); // not queued
        Assert.Empty(second.FindAll("[data-testid=mount-live]"));

        _release.Set();
        first.WaitForAssertion(() => Assert.Contains("unmounted: true", first.Find("[data-testid=report-unmounted]").TextContent, StringComparison.Ordinal), Wait);
        await second.Find("[data-testid=mount-form]").SubmitAsync();
        Assert.Empty(second.FindAll("[data-testid=mount-notice]"));
        Assert.Equal(2, _started.Count);
    }

    [Fact]
    public async Task CancelAbortsTheRunAndLeavingThePageCancelsToo()
    {
        _release.Reset();
        var page = Page();
        await page.Find("[data-testid=mount-form]").SubmitAsync();
        page.WaitForAssertion(() => page.Find("[data-testid=mount-cancel]").Click(), Wait);
        page.WaitForAssertion(() => Assert.Contains("interrupted", page.Find("[data-testid=report-stopped]").TextContent, StringComparison.Ordinal), Wait);

        var leaving = Page();
        await leaving.Find("[data-testid=mount-form]").SubmitAsync();
        RealMountRunner runner = Services.GetRequiredService<RealMountRunner>();
        Assert.True(runner.Busy);
        await DisposeComponentsAsync(); // the circuit goes: its page is disposed
        SpinWait.SpinUntil(() => !runner.Busy, Wait);
        Assert.False(runner.Busy);
    }

    [Fact]
    public async Task TheLiveCountersAndHistogramShowWhatTheKernelSent()
    {
        var page = Page();
        await page.Find("[data-testid=mount-form]").SubmitAsync();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=mount-report]")), Wait);

        Assert.Equal("16 MiB", page.Find("[data-testid=live-write-bytes]").TextContent);
        Assert.Equal("16 MiB", page.Find("[data-testid=live-read-bytes]").TextContent);
        // most frequent first, ties by name
        Assert.Equal(["READ", "WRITE", "INIT"], page.FindAll("[data-testid=live-opcode]").Select(o => o.GetAttribute("data-opcode")));
        var row = Assert.Single(page.FindAll("[data-testid=size-row]"));
        Assert.Equal("1 MiB1616", row.TextContent);
        Assert.Contains("Done in", page.Find("[data-testid=mount-progress]").TextContent, StringComparison.Ordinal);
        Assert.Contains("data verified", page.Find("[data-testid=transfer-write]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecordingOpensOnTheFusePageFromTheLibrary()
    {
        var page = Page();
        await page.Find("[data-testid=mount-form]").SubmitAsync();
        page.WaitForAssertion(() => page.Find("[data-testid=open-recording]").Click(), Wait);

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("/fuse", uri.AbsolutePath);
        string id = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)["scenario"].ToString();
        Assert.True(ScenarioLibrary.IsId(id), id);
        Assert.Contains("mode=vectored", uri.Query, StringComparison.Ordinal);
        var kept = _library.Find(id);
        Assert.NotNull(kept);
        Assert.Equal("fuse", kept.Scenario.System);
        Assert.True(kept.IsTrace);
        Assert.Equal(16, System.Text.RegularExpressions.Regex.Count(kept.Text, @" w\d+\w*:1MiB"));
        Assert.Equal(16, System.Text.RegularExpressions.Regex.Count(kept.Text, @" r\d+\w*:1MiB"));
    }
}
