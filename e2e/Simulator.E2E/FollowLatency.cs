using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// How long after the presenter's page showed a change the follower's page showed it, timed by the
/// two pages themselves (a mutation observer stamps the moment an element's text changes, on the
/// clock both pages share), so Playwright's polling and a busy test machine's click dispatch are
/// not counted: it is the lag a room sees between the presenter's screen and their own.
/// </summary>
internal static class FollowLatency
{
    private const string Watch = """
        testId => {
          const text = () => document.querySelector(`[data-testid=${testId}]`)?.textContent;
          const before = text();
          window.__changedAt = undefined;
          const observer = new MutationObserver(() => {
            if (text() !== before) {
              window.__changedAt = performance.timeOrigin + performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    /// <summary>Watches <paramref name="testId"/> on both pages, runs <paramref name="act"/> (the presenter's Step) and returns the follower's lag in milliseconds.</summary>
    public static async Task<double> MeasureAsync(IPage presenter, IPage follower, string testId, Func<Task> act, int timeoutMs = 10_000)
    {
        await presenter.EvaluateAsync(Watch, testId);
        await follower.EvaluateAsync(Watch, testId);
        await act();
        double shown = await ChangedAtAsync(presenter, timeoutMs);
        double followed = await ChangedAtAsync(follower, timeoutMs);
        return followed - shown;
    }

    private static async Task<double> ChangedAtAsync(IPage page, int timeoutMs)
    {
        await page.WaitForFunctionAsync("() => window.__changedAt !== undefined", null, new() { Timeout = timeoutMs });
        return await page.EvaluateAsync<double>("() => window.__changedAt");
    }
}
