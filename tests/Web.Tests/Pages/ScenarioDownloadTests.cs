using System.Net;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Components.Systems.Filestore;
using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Pages;

/// <summary>GET /scenarios/download: a page's workload as a file that validates and replays the page's run.</summary>
public sealed class ScenarioDownloadTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("keep", "scenario=keep-zipf&seed=7&mode=coalescing", "keep-zipf-seed7.yaml", 7)]
    [InlineData("stratum", "scenario=readme-case3&seed=1&variant=fixed", "readme-case3-seed1.yaml", 1)]
    [InlineData("stratum", "ops=%2B1:5%20%2B2:5%20-1%20%2B3:30&cap=40&seed=3", "custom-seed3.yaml", 3)]
    [InlineData("stratum", "scenario=random&seed=12", "random-seed12.yaml", 12)]
    [InlineData("fuse", "scenario=fuse-bug-189&seed=2&mode=vectored&compare=none&page=4096&maxmsg=4&limit=1024&vreads=0", "fuse-bug-189-seed2.yaml", 2)]
    [InlineData("filestore", "scenario=filestore-truncated-file&seed=5&reader=mmap&compare=none", "filestore-truncated-file-seed5.yaml", 5)]
    public async Task APagesDownloadValidatesNamesTheSeedAndReplaysThePagesRun(string page, string query, string fileName, ulong seed)
    {
        using var registry = new SessionRegistry(factory.Services.GetRequiredService<ScenarioLibrary>());
        using SessionViewModel vm = OpenPage(page, registry, QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString()));
        Assert.Empty(vm.Notices);
        vm.SeekTo(vm.LastStep);
        string pageHash = vm.Session!.EventLogSha256()!;

        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(vm.DownloadHref);
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains($"seed: {seed}\n", text, StringComparison.Ordinal);
        ScenarioDocument document = ScenarioFile.Parse(text, fileName); // throws with the problems if it does not validate
        Assert.Equal(seed, document.Seed);
        using var run = new Run(document.Scenario, seed); // what `run FILE` does
        run.RunToEnd();
        Assert.Equal(pageHash, run.Events.Sha256());
    }

    [Fact]
    public async Task ALibraryFileDownloadsAsItWasWrittenWithTheSeedSet()
    {
        string original = ScenarioTexts.KeepZipf(8) + "# my note\n";
        string id = factory.Services.GetRequiredService<ScenarioLibrary>().Add(original, "mine.yaml").Id!;
        using HttpClient client = factory.CreateClient();

        string text = await client.GetStringAsync($"/scenarios/download?scenario={id}&seed=4");

        Assert.Equal(ScenarioText.WithSeed(original, 4), text);
        Assert.EndsWith("# my note\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenario=keep-zipf&seed=x", "seed must be a whole number, got 'x'")]
    [InlineData("scenario=keep-zipf&seed=1&mode=fast", "mode must be 'current', 'legacy' or 'coalescing', got 'fast'")]
    [InlineData("scenario=nope&seed=1", "unknown scenario 'nope'")]
    [InlineData("scenario=fuse-mixed&seed=1&vreads=2", "vreads must be 1 or 0, got '2'")]
    [InlineData("scenario=u-0000000000&seed=1", "is not in this server's library")]
    [InlineData("seed=1", "name a scenario")]
    public async Task BadParametersGet400WithTheReason(string query, string message)
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync($"/scenarios/download?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static SessionViewModel OpenPage(string page, SessionRegistry registry, Dictionary<string, string?> query)
    {
        switch (page)
        {
            case "keep":
                var keep = new KeepViewModel(registry);
                keep.Load(query);
                return keep;
            case "fuse":
                var fuse = new FuseViewModel(registry);
                fuse.Load(query);
                return fuse;
            case "filestore":
                var filestore = new FilestoreViewModel(registry);
                filestore.Load(query);
                return filestore;
            default:
                var stratum = new StratumViewModel(registry);
                stratum.Load(query);
                return stratum;
        }
    }
}
