using System.Net;
using BufferLab.Simulator.Web.History;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>Over HTTP: the owner cookie a browser gets, the history page listing only the cookie's runs, and a run's link (/history/{token}): a redirect for anyone, a 404 page otherwise.</summary>
public sealed class HistoryAddressTests(HistoryDashboard dashboard) : IClassFixture<HistoryDashboard>
{
    [Fact]
    public async Task AFirstVisitGetsAnHttpOnlyLaxOwnerCookieThatIsKeptAfterwards()
    {
        using HttpClient client = Client();
        HttpResponseMessage first = await client.GetAsync("/");

        string cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OwnerCookie.Name + "=", StringComparison.Ordinal));
        string key = cookie[(OwnerCookie.Name.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
        Assert.True(HistoryKey.IsWellFormed(key), cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=34560000", cookie, StringComparison.OrdinalIgnoreCase); // 400 days
        Assert.DoesNotContain(key, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal); // only ever in the cookie (the circuit gets it encrypted)

        HttpResponseMessage again = await GetAsync(client, "/history", key);
        Assert.False(again.Headers.Contains("Set-Cookie") && again.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(OwnerCookie.Name, StringComparison.Ordinal)));

        HttpResponseMessage forged = await GetAsync(client, "/history", "not-a-key");
        Assert.Contains(forged.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OwnerCookie.Name + "=", StringComparison.Ordinal)); // replaced by a real one
    }

    [Fact]
    public async Task TheHistoryPageListsOnlyTheCookiesRuns()
    {
        RunHistoryStore store = dashboard.Services.GetRequiredService<RunHistoryStore>();
        string alice = HistoryKey.New();
        string bob = HistoryKey.New();
        string name = "alice only " + HistoryKey.New()[..8];
        store.Save(RunHistoryStoreTests.Run(name), alice);
        using HttpClient client = Client();

        string alicesPage = await (await GetAsync(client, "/history", alice)).Content.ReadAsStringAsync();
        string bobsPage = await (await GetAsync(client, "/history", bob)).Content.ReadAsStringAsync();

        Assert.Contains(name, alicesPage, StringComparison.Ordinal);
        Assert.DoesNotContain(name, bobsPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"history-empty\"", bobsPage, StringComparison.Ordinal);
        Assert.Contains("Save run", bobsPage, StringComparison.Ordinal); // says how to save one
    }

    [Fact]
    public async Task ARunsLinkRedirectsAnyoneToItsPageWithItsTokenNeverItsId()
    {
        RunHistoryStore store = dashboard.Services.GetRequiredService<RunHistoryStore>();
        SavedRun saved = store.Save(RunHistoryStoreTests.Run("shared"), HistoryKey.New());
        using HttpClient client = Client();

        HttpResponseMessage response = await GetAsync(client, saved.Link, HistoryKey.New()); // another browser

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/keep?", location.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"{RunReopener.Key}={saved.Token}", location, StringComparison.Ordinal);
        Assert.Contains("step=800", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "No saved run has this link")] // well formed, unknown
    [InlineData("12", "not a saved run's link")]
    [InlineData("%27%20OR%201%3D1", "not a saved run's link")]
    public async Task AnUnknownOrMalformedLinkIsA404PageThatSaysWhy(string token, string reason)
    {
        using HttpClient client = Client();
        HttpResponseMessage response = await client.GetAsync("/history/" + token);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(html.Contains("data-testid=\"run-link-not-found\"", StringComparison.Ordinal), html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason).Replace("&#39;", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.Contains("href=\"/history\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVeryLongLinkIsRefusedWithoutALookupAndTheOldIdAddressIsGone()
    {
        using HttpClient client = Client();

        HttpResponseMessage longOne = await client.GetAsync("/history/" + new string('A', 4_000));
        Assert.Equal(HttpStatusCode.NotFound, longOne.StatusCode);
        Assert.DoesNotContain(new string('A', 100), await longOne.Content.ReadAsStringAsync(), StringComparison.Ordinal); // not echoed

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/history/1/open")).StatusCode); // ids open nothing
    }

    private HttpClient Client() => dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string owner)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{OwnerCookie.Name}={owner}");
        return await client.SendAsync(request);
    }
}
