using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Pages;

/// <summary>
/// A prerendered page opens a session to render its first view and hands it to its circuit
/// (<see cref="SessionRegistry.HandOver"/>); when no circuit comes (a crawler, curl), the session must
/// close, and page loads must never fill the registry.
/// </summary>
public sealed class PrerenderTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task PrerenderedSessionsNobodyTakesOverCloseAndNeverFillTheRegistry()
    {
        using HttpClient client = factory.CreateClient();
        var registry = factory.Services.GetRequiredService<SessionRegistry>();

        for (int i = 0; i < SessionRegistry.MaxSessions + 4; i++)
        {
            string html = await client.GetStringAsync($"/stratum?scenario=readme-case3&step={i % 15}");
            Assert.Contains("data-testid=\"slot-map-text\"", html, StringComparison.Ordinal);
            Assert.InRange(registry.Count, 0, SessionRegistry.MaxSessions / 2 + 1); // past half the limit, pages close their sessions as before
        }

        // Handed-over sessions wait HandoffWindow for a circuit, then close.
        Assert.True(SpinWait.SpinUntil(() => registry.Count == 0, SessionRegistry.HandoffWindow + TimeSpan.FromSeconds(10)), $"{registry.Count} sessions stayed open");
    }

    [Fact]
    public async Task ABadUrlStillRendersThePageWithANotice()
    {
        using HttpClient client = factory.CreateClient();
        string html = await client.GetStringAsync("/stratum?scenario=nope&seed=x&step=-3");

        Assert.Contains("unknown scenario &#x27;nope&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("seed &#x27;x&#x27; is not a whole number", html, StringComparison.Ordinal);
        Assert.Contains("-------- BACK MODE", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddressIsA404PageThatSaysWhereToGo()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage response = await client.GetAsync("/nonexistent");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/keep\"", html, StringComparison.Ordinal);
    }
}
