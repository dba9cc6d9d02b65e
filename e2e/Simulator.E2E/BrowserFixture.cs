using BufferLab.Simulator.TestSupport;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>One dashboard process and one headless Debian Chromium for all browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DashboardServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does.");
        }

        Server = await DashboardServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh page (1400x1000 unless told) at <paramref name="path"/>; for a system page, once its
    /// circuit is interactive. Pages that run whole scenarios first (step=end, compared runs) take a
    /// longer <paramref name="timeoutMs"/>.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, bool interactive = true, int width = 1400, string? theme = null, int timeoutMs = 15_000)
    {
        IPage page = await NewPageAsync(width, 1000, theme);
        page.SetDefaultTimeout(timeoutMs);
        await page.GotoAsync(path, new() { Timeout = timeoutMs });
        if (interactive)
        {
            await page.WaitForSelectorAsync("html[data-interactive]");
        }

        return page;
    }

    /// <summary>A fresh page of the given size; with <paramref name="theme"/> ("light" or "dark"), that theme as the person's choice (its cookie), before the first request.</summary>
    public async Task<IPage> NewPageAsync(int width, int height, string? theme = null)
    {
        IPage page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = Server.Address.ToString() });
        if (theme is not null)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "bufferlab.theme", Value = theme, Url = Server.Address.ToString() }]);
        }

        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
