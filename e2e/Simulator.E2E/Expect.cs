using System.Globalization;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>Waits that fail with what the page showed instead.</summary>
internal static class Expect
{
    public static async Task TextAsync(ILocator locator, string text, int timeoutMs = 10_000)
    {
        try
        {
            await locator.Filter(new() { HasText = text }).WaitForAsync(new() { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"expected '{text}', the page shows '{await locator.InnerTextAsync()}'");
        }
    }

    /// <summary>Waits until <paramref name="locator"/> matches <paramref name="count"/> elements.</summary>
    public static async Task CountAsync(ILocator locator, int count, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        int found;
        while ((found = await locator.CountAsync()) != count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(found == count, $"expected {count} elements, found {found}");
    }

    /// <summary>
    /// The table rows holding <paramref name="cells"/>: a MudDataGrid puts no attributes on a row, so
    /// a row's test id sits on its first cell's content (metric-row, peak-holding).
    /// </summary>
    public static ILocator RowOf(ILocator cells) => cells.Page.Locator("tr").Filter(new() { Has = cells });

    /// <summary>A size as the dashboard prints it ("42.5 MiB") in bytes.</summary>
    public static double Bytes(string text)
    {
        string[] parts = text.Trim().Split(' ');
        double value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return value * parts[1] switch { "KiB" => 1L << 10, "MiB" => 1L << 20, "GiB" => 1L << 30, "TiB" => 1L << 40, _ => 1 };
    }

    /// <summary>Waits until plotly has drawn the chart <paramref name="testId"/>, then counts its lines.</summary>
    public static async Task<int> ChartLinesAsync(IPage page, string testId)
    {
        ILocator traces = page.Locator($"[data-testid={testId}] .scatterlayer .trace");
        await traces.First.WaitForAsync();
        return await traces.CountAsync();
    }
}
