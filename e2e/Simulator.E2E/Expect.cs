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

    /// <summary>Waits until plotly has drawn the chart <paramref name="testId"/>, then counts its lines.</summary>
    public static async Task<int> ChartLinesAsync(IPage page, string testId)
    {
        ILocator traces = page.Locator($"[data-testid={testId}] .scatterlayer .trace");
        await traces.First.WaitForAsync();
        return await traces.CountAsync();
    }
}
