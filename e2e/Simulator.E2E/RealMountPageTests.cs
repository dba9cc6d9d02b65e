using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The real-mount page in a real browser: a small real mount run from the page, then its recording stepped on the FUSE page.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class RealMountPageTests(BrowserFixture browser)
{
    [RealMountFact]
    public async Task ARealMountRunsFromThePageAndItsRecordingSteps()
    {
        IPage page = await browser.OpenAsync("/fuse/mount");
        await page.GetByTestId("mount-bs").SelectOptionAsync((1 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("mount-total").FillAsync("16");
        await page.GetByTestId("mount-run").ClickAsync();

        await Expect.TextAsync(page.GetByTestId("report-unmounted"), "unmounted: true", timeoutMs: 90_000);
        await Expect.TextAsync(page.GetByTestId("transfer-write"), "data verified");
        await Expect.TextAsync(page.GetByTestId("transfer-read"), "data verified");
        await Expect.TextAsync(page.GetByTestId("report-init-effective"), "1024 pages"); // vectored, MaxMessageSize 4 MiB, max_pages_limit 1024: up to 4 MiB (dd asks 1 MiB)
        await Expect.TextAsync(page.GetByTestId("live-write-bytes"), "16 MiB");
        // the histogram: READs and WRITEs drawn as two bar series, bars of height only in the 1 MiB class (direct I/O, bs 1 MiB)
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=size-histogram] .barlayer .point path')].some(p => p.getBBox().height > 0)");
        Assert.Equal(2, await page.Locator("[data-testid=size-histogram] .barlayer .trace").CountAsync());
        string[] drawn = await page.EvaluateAsync<string[]>(
            "() => document.getElementById('mount-size-histogram').data.flatMap(t => t.x.filter((x, i) => t.y[i] > 0).map(x => t.name + ' ' + x + ' ' + t.y[t.x.indexOf(x)]))");
        Assert.Equal(["READ 1 MiB 16", "WRITE 1 MiB 16"], drawn.Order());
        Assert.Equal(["1 MiB1616"], await page.GetByTestId("size-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.textContent.trim())"));

        await page.GetByTestId("open-recording").ClickAsync();
        await page.WaitForURLAsync(RecordingUrl());
        await page.WaitForSelectorAsync("html[data-interactive]");
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 0 of");
        await page.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 1 of");
        await page.CloseAsync();
    }

    [GeneratedRegex(@"/fuse\?scenario=u-[0-9a-f]{10}")]
    private static partial Regex RecordingUrl();
}
