using System.Net;
using BufferLab.Simulator.Web.Exports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BufferLab.Simulator.Web.Tests.Exports;

/// <summary>At most <see cref="RunExport.MaxConcurrent"/> exports run at once; the next is told to come back, and a client that leaves stops its run.</summary>
public sealed class ExportLimitTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task AnExportBeyondTheLimitGets503WithRetryAfter()
    {
        using HttpClient client = factory.WithWebHostBuilder(b => b.UseSetting("BufferLab:DataFolder", Path.GetTempPath())).CreateClient();
        using var leave = new CancellationTokenSource();
        // Two long exports whose clients stop reading after the headers: they hold their places.
        Task<HttpResponseMessage>[] running = [.. Enumerable.Range(0, RunExport.MaxConcurrent).Select(_ =>
            client.GetAsync($"{RunExport.Path}?scenario=random-long&seed=1", HttpCompletionOption.ResponseHeadersRead, leave.Token))];
        await Task.WhenAll(running);

        using HttpResponseMessage refused = await client.GetAsync($"{RunExport.Path}?scenario=readme-case1&seed=1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(RunExport.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("the most at once", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (Task<HttpResponseMessage> response in running)
        {
            (await response).Dispose(); // the clients leave: their runs stop and free their places
        }

        HttpResponseMessage? later = null;
        for (int attempt = 0; attempt < 100 && later?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            later?.Dispose();
            await Task.Delay(50);
            later = await client.GetAsync($"{RunExport.Path}?scenario=readme-case1&seed=1");
        }

        Assert.Equal(HttpStatusCode.OK, later!.StatusCode);
        later.Dispose();
    }
}
