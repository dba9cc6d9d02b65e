using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>A refused call costs a short answer and short log lines, however large what it sent.</summary>
public sealed class RefusalLogTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task TwentyCallsWithATwoMillionCharacterIdLogLittleAndAnswerShortly()
    {
        var logs = new CapturedLogs();
        using WebApplicationFactory<Program> app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs))));
        await using var client = await HubClient.ConnectAsync(app);
        string huge = new('x', 2_000_000);

        for (int i = 0; i < 20; i++)
        {
            string refused = await client.RefusedAsync("Status", huge);
            Assert.InRange(refused.Length, 1, 200);
        }

        // Before: 38 MiB of log (the whole id and a stack trace per call). Now every line is short.
        Assert.All(logs.Lines, line => Assert.InRange(line.Length, 0, 2_000));
        Assert.InRange(logs.Lines.Sum(l => l.Length), 0, 100_000);
    }
}
