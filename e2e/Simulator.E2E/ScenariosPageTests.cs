using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>The Scenarios page in a real browser: the preset list and its search, the YAML editor with its problems, upload, Run, and the system pages' downloads.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class ScenariosPageTests(BrowserFixture browser)
{
    private static readonly int PresetCount = Directory.GetFiles(Path.Combine(Paths.RepoRoot, "scenarios"), "*.yaml").Length;

    private static ILocator Editor(IPage page) => page.GetByTestId("yaml-editor");

    private static ILocator Status(IPage page) => page.GetByTestId("editor-status");

    /// <summary>The editor's text with <paramref name="edit"/> applied, typed in as a user's edit (an input event).</summary>
    private static async Task EditTextAsync(IPage page, Func<string, string> edit) =>
        await Editor(page).FillAsync(edit(await Editor(page).InputValueAsync()));

    [Fact]
    public async Task EveryPresetIsListedAndTheSearchNarrowsThem()
    {
        IPage page = await browser.OpenAsync("/scenarios");
        ILocator rows = page.GetByTestId("scenario-row");

        Assert.Equal(PresetCount, await rows.CountAsync());
        await Expect.TextAsync(page.GetByTestId("scenario-count"), $"{PresetCount} scenarios");
        await Expect.TextAsync(Status(page), "Empty.");
        await BrowserFixture.ScreenshotAsync(page, "scenarios-list");
        Assert.Equal("/fuse?scenario=fuse-bug-189&mode=master",
            await page.Locator("[data-name=fuse-bug-189] [data-testid=open-scenario]").GetAttributeAsync("href"));

        await page.GetByTestId("scenario-search").FillAsync("zipf");
        await Expect.TextAsync(page.GetByTestId("scenario-count"), $"1 of {PresetCount} scenarios match");
        Assert.Equal(["keep-zipf"], await page.GetByTestId("scenario-name").AllInnerTextsAsync());
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('q') === 'zipf'");

        await page.GetByTestId("scenario-search").FillAsync("readme case");
        await Expect.TextAsync(page.GetByTestId("scenario-count"), $"3 of {PresetCount} scenarios match");

        await page.GetByTestId("scenario-search").FillAsync("no such workload");
        await Expect.TextAsync(page.GetByTestId("scenario-empty"), "No scenario matches “no such workload”");
        Assert.Equal(0, await rows.CountAsync());
        await page.GetByTestId("clear-search").ClickAsync();
        await page.GetByTestId("scenario-empty").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal($"{PresetCount} scenarios", await page.GetByTestId("scenario-count").InnerTextAsync());
        Assert.Equal(PresetCount, await rows.CountAsync());

        await page.Locator("[data-name=keep-zipf] [data-testid=open-scenario]").ClickAsync();
        await page.WaitForURLAsync("**/keep?scenario=keep-zipf*");
        await Expect.TextAsync(page.GetByTestId("scenario-description"), "Zipf popularity");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ABadFieldTypedInTheEditorShowsItsMessageAndLine()
    {
        IPage page = await browser.OpenAsync("/scenarios?q=zipf");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.Locator("[data-name=keep-zipf] [data-testid=edit-scenario]").ClickAsync();
        await Expect.TextAsync(Status(page), "Valid: Zipf popularity (keep-zipf)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.dataset.testid === 'yaml-editor'")); // Edit puts the cursor in the editor
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('scenario') === 'keep-zipf'");

        await EditTextAsync(page, text => text.Replace("mode: current", "mode: fastest", StringComparison.Ordinal).Replace("thinkMs: 20", "thinkMs: 20\n    sleepy: true", StringComparison.Ordinal));

        ILocator problems = page.GetByTestId("problem");
        await Expect.TextAsync(problems.First, "line 8, col 9 — options.mode: ");
        Assert.Contains("fastest", await problems.First.InnerTextAsync(), StringComparison.Ordinal);
        await Expect.TextAsync(problems.Nth(1), "line 17, col 5 — phases[0].sleepy:");
        await Expect.TextAsync(Status(page), "2 problems: nothing runs until they are fixed.");
        Assert.True(await page.GetByTestId("run-button").IsDisabledAsync());
        Assert.Equal(["8", "17"], await page.Locator(".gutter .bad").AllInnerTextsAsync());
        await BrowserFixture.ScreenshotAsync(page, "scenarios-editor-problems");

        // Keyboard: focus the problem, press Enter, and the cursor is on its line and column.
        await problems.Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.dataset.testid === 'yaml-editor'"); // after the round trip to the server
        int[] cursor = await page.EvaluateAsync<int[]>("""
            () => { const t = document.activeElement, before = t.value.slice(0, t.selectionStart).split('\n');
                    return [before.length, before[before.length - 1].length + 1]; }
            """);
        Assert.Equal((17, 5), (cursor[0], cursor[1]));

        await EditTextAsync(page, text => text.Replace("mode: fastest", "mode: legacy", StringComparison.Ordinal).Replace("\n    sleepy: true", "", StringComparison.Ordinal));
        await Expect.TextAsync(Status(page), "Valid: Zipf popularity (keep-zipf)");
        Assert.Equal(0, await problems.CountAsync());
        Assert.False(await page.GetByTestId("run-button").IsDisabledAsync());

        await Editor(page).FillAsync("");
        await Expect.TextAsync(Status(page), "Empty.");
        Assert.True(await page.GetByTestId("run-button").IsDisabledAsync());
        Assert.Empty(errors); // no call from the editor to the server failed
        await page.CloseAsync();
    }

    [Fact]
    public async Task AnUploadedFileIsLoadedAndValidatedAndAnOversizedOneChangesNothing()
    {
        IPage page = await browser.OpenAsync("/scenarios");
        string broken = "name: Mine\nsystem: keep\ndescription: two problems\noptions:\n  maxBuffers: lots\n";

        await page.GetByTestId("upload-input").SetInputFilesAsync(new FilePayload { Name = "mine.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(broken) });

        await Expect.TextAsync(page.GetByTestId("editor-file"), "mine.yaml");
        Assert.Equal(broken, await Editor(page).InputValueAsync());
        await Expect.TextAsync(page.GetByTestId("problem-list"), "line 1, col 7 — name: must be lower-case letters");
        Assert.True(await page.GetByTestId("problem").CountAsync() >= 2);

        byte[] huge = Encoding.UTF8.GetBytes("# " + new string('x', 1 << 20) + "\n");
        await page.GetByTestId("upload-input").SetInputFilesAsync(new FilePayload { Name = "huge.yaml", MimeType = "application/yaml", Buffer = huge });
        await Expect.TextAsync(page.GetByTestId("editor-notice"), "huge.yaml has 1,048,579 bytes; the editor takes files of at most 1,048,576 bytes (1 MiB)");
        Assert.Equal(broken, await Editor(page).InputValueAsync());
        await Expect.TextAsync(page.GetByTestId("editor-file"), "mine.yaml");
        await BrowserFixture.ScreenshotAsync(page, "scenarios-upload-refused");
        await page.CloseAsync();
    }

    [Fact]
    public async Task AnUploadNested60000LevelsDeepIsRefusedAtItsLineAndTheServerGoesOn()
    {
        IPage page = await browser.OpenAsync("/scenarios");
        // 120 KB that once ended the server with "Stack overflow." (YamlDotNet recursed per level).
        string deep = "name: deep\nsystem: keep\ndescription: nested\njunk: " + new string('[', 60_000) + new string(']', 60_000) + "\n";

        await page.GetByTestId("upload-input").SetInputFilesAsync(new FilePayload { Name = "deep.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(deep) });

        await Expect.TextAsync(page.GetByTestId("problem-list"), "the file nests deeper than 32 levels");
        Assert.True(await page.GetByTestId("run-button").IsDisabledAsync());
        IPage other = await browser.OpenAsync("/stratum?scenario=readme-case3&step=end"); // the server still answers
        await Expect.TextAsync(other.GetByTestId("slot-map-text"), "9a3456bc BACK MODE");
        await other.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task RunOpensTheSystemPageWithTheEditedScenario()
    {
        IPage page = await browser.OpenAsync("/scenarios?scenario=keep-zipf");
        await Expect.TextAsync(Status(page), "Valid: Zipf popularity (keep-zipf)");

        await EditTextAsync(page, text => "seed: 5\n" + text.Replace("title: Zipf popularity", "title: Zipf on eight buffers", StringComparison.Ordinal)
            .Replace("maxBuffers: 16", "maxBuffers: 8", StringComparison.Ordinal));
        await Expect.TextAsync(Status(page), "Valid: Zipf on eight buffers (keep-zipf), a keep scenario with seed 5.");
        await page.GetByTestId("run-button").ClickAsync();

        await page.WaitForURLAsync(UserKeepUrl());
        await Expect.TextAsync(page.GetByTestId("scenario-description"), "Zipf on eight buffers.");
        await Expect.TextAsync(page.GetByTestId("user-scenario"), "your file u-");
        Assert.Equal("5", await page.Locator("[data-testid=seed-input] input").InputValueAsync());
        await page.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(page.GetByTestId("step-counter"), "step 1 of");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('step') === '1'");
        Assert.Matches(UserKeepUrl(), page.Url);
        await BrowserFixture.ScreenshotAsync(page, "scenarios-run-user-file");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ASystemPageDownloadsItsWorkloadWithTheSeedAndEditsIt()
    {
        IPage page = await browser.OpenAsync("/keep?scenario=keep-zipf&seed=7&mode=coalescing");

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-scenario").ClickAsync());
        string text = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Equal("keep-zipf-seed7.yaml", download.SuggestedFilename);
        Assert.Contains("seed: 7\n", text, StringComparison.Ordinal);
        Assert.Contains("mode: coalescing\n", text, StringComparison.Ordinal);
        Assert.Contains("name: keep-zipf\n", text, StringComparison.Ordinal);

        await page.GetByTestId("edit-scenario-link").ClickAsync();
        await page.WaitForURLAsync("**/scenarios?scenario=keep-zipf&seed=7&mode=coalescing");
        await Expect.TextAsync(Status(page), "Valid: Zipf popularity (keep-zipf), a keep scenario with seed 7.");
        await page.WaitForFunctionAsync("t => document.querySelector('[data-testid=yaml-editor]').value === t", text);
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheFusePageDownloadsItsMountChoices()
    {
        IPage page = await browser.OpenAsync("/fuse?scenario=fuse-bug-189&seed=2&mode=master&compare=none&page=4096");

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-scenario").ClickAsync());
        string text = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Equal("fuse-bug-189-seed2.yaml", download.SuggestedFilename);
        Assert.Contains("seed: 2\n", text, StringComparison.Ordinal);
        Assert.Contains("pageSize: 4096\n", text, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [GeneratedRegex(@"/keep\?scenario=u-[0-9a-f]{10}&seed=5&step=\d+&mode=current$")]
    private static partial Regex UserKeepUrl();
}
