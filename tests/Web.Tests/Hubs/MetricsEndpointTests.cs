using BufferLab.Simulator.Engine.Remote;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>Open sessions' metrics reach Prometheus at /metrics (OpenTelemetry over the BufferLab.Simulator meter), with upstream's names, and leave when the session closes.</summary>
public sealed class MetricsEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task AnOpenSessionsMetricsAreScrapedByTheirUpstreamNames()
    {
        await using HubConnection hub = await HubClient.ConnectAsync(factory);
        SessionInfo info = await hub.InvokeAsync<SessionInfo>("Open", new OpenRequest("keep-job-start-herd", Seed: 1, Mode: "current"));
        await hub.InvokeAsync("Seek", info.SessionId, 400);
        using HttpClient http = factory.CreateClient();

        string text = await ScrapeUntilAsync(http, t => t.Contains(info.SessionId[..8], StringComparison.Ordinal));

        string run = $"run=\"{info.SessionId[..8]}\"";
        Assert.Contains(text.Split('\n'), l => l.StartsWith("arvados_keepstore_bufferpool_inuse_buffers{", StringComparison.Ordinal) && l.Contains(run, StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("keep_volume_reads", StringComparison.Ordinal) && l.Contains(run, StringComparison.Ordinal) && l.Contains("scenario=\"keep-job-start-herd\"", StringComparison.Ordinal));
        Assert.Contains("# HELP arvados_keepstore_bufferpool_inuse_buffers", text, StringComparison.Ordinal);

        await hub.InvokeAsync("Close", info.SessionId);
        string after = await ScrapeUntilAsync(http, t => !t.Contains(run, StringComparison.Ordinal));
        Assert.DoesNotContain(run, after, StringComparison.Ordinal);
    }

    /// <summary>The exporter caches a scrape briefly, so a change shows within a few hundred milliseconds.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        string text = "";
        for (int attempt = 0; attempt < 100; attempt++)
        {
            text = await http.GetStringAsync("/metrics");
            if (done(text))
            {
                break;
            }

            await Task.Delay(100);
        }

        return text;
    }
}
