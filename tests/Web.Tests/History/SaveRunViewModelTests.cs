using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>Saving a page's run, and reopening it: same step, same view, same event log, also for a library file after a restart.</summary>
public sealed class SaveRunViewModelTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SessionRegistry _registry = new();
    private readonly RunHistoryStore _store;

    public SaveRunViewModelTests() => _store = new RunHistoryStore(new RunHistoryOptions { DataFolder = _folder.Path, BusyTimeout = TimeSpan.FromMilliseconds(200) });

    [Fact]
    public async Task SavingKeepsTheViewTheScenarioWithItsSeedAndTheEventLogHash()
    {
        using var page = new StratumViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["seed"] = "7", ["step"] = "12", ["variant"] = "fixed" });
        var form = new SaveRunViewModel(_store, _registry.Library, RunHistoryStoreTests.Alice);

        form.Open(page);
        Assert.True(form.IsOpen);
        Assert.Contains("seed 7 · step 12", form.Name, StringComparison.Ordinal);
        form.Name = "case 3 at 12";
        form.Notes = "front mode";
        Assert.True(await form.SaveAsync(page));

        SavedRun saved = form.Saved!;
        Assert.False(form.IsOpen);
        Assert.Equal(("", ""), (form.Name, form.Notes)); // ready for the next one
        Assert.Equal(("case 3 at 12", "front mode", "/stratum", 12, 14, "7"), (saved.Name, saved.Notes, saved.Page, saved.Step, saved.LastStep, saved.Seed));
        Assert.Equal(page.QueryString, saved.Query);
        Assert.Contains("variant=fixed", saved.Query, StringComparison.Ordinal);
        ScenarioDocument file = ScenarioFile.Parse(saved.ScenarioText, "saved.yaml");
        Assert.Equal(7UL, file.Seed);
        Assert.Equal(saved.EventLogSha256, RunFingerprint.EventLogSha256(file.Scenario, 7)); // the file, with the page's choices written in, runs the page's run

        SimulationSession atEnd = _registry.Open(SessionRegistry.PageOwnerPrefix + "check", new ScenarioRequest("readme-case3").With("variant", "fixed"), 7);
        atEnd.Seek(atEnd.LastStep);
        Assert.Equal(atEnd.EventLogSha256(), saved.EventLogSha256);
        Assert.Equal([saved], _store.List(RunHistoryStoreTests.Alice));
    }

    [Fact]
    public async Task ABadNameIsRefusedAndTheFormKeepsWhatWasTyped()
    {
        using var page = new KeepViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["step"] = "10" });
        var form = new SaveRunViewModel(_store, _registry.Library, RunHistoryStoreTests.Alice);
        form.Open(page);
        form.Name = new string('x', SavedRunRules.MaxNameLength + 1);
        form.Notes = "my notes";

        Assert.False(await form.SaveAsync(page));

        Assert.True(form.IsOpen);
        Assert.Equal("my notes", form.Notes);
        Assert.Contains("at most 100", Assert.Single(form.Problems), StringComparison.Ordinal);
        Assert.Empty(_store.List(RunHistoryStoreTests.Alice));
    }

    [Fact]
    public async Task WhenTheDatabaseIsLockedTheFormSaysSoAndKeepsEverything()
    {
        using var page = new KeepViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["step"] = "10" });
        var form = new SaveRunViewModel(_store, _registry.Library, RunHistoryStoreTests.Alice);
        _store.Save(RunHistoryStoreTests.Run("already there"), RunHistoryStoreTests.Alice);
        form.Open(page);
        form.Name = "mine";
        form.Notes = "do not lose this";

        using (var other = new SqliteConnection($"Data Source={_store.DatabasePath};Pooling=False"))
        {
            other.Open();
            using SqliteCommand exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();

            Assert.False(await form.SaveAsync(page));
            Assert.Contains("locked", Assert.Single(form.Problems), StringComparison.Ordinal);
            Assert.Equal(("mine", "do not lose this", true), (form.Name, form.Notes, form.IsOpen));
        }

        Assert.True(await form.SaveAsync(page)); // the same form, once the other program let go
        Assert.Equal(["mine", "already there"], _store.List(RunHistoryStoreTests.Alice).Select(r => r.Name));
    }

    [Fact]
    public async Task ALibraryRunReopensAfterARestartOnItsStepWithTheSameEventLog()
    {
        string id = _registry.Library.Add(ScenarioTexts.KeepZipf(8, seed: 42), "mine.yaml").Id!;
        using var page = new KeepViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["scenario"] = id, ["step"] = "30", ["mode"] = "coalescing" });
        var form = new SaveRunViewModel(_store, _registry.Library, RunHistoryStoreTests.Alice);
        form.Open(page);
        Assert.True(await form.SaveAsync(page));
        SavedRun saved = form.Saved!;
        Assert.Equal(ScenarioTexts.KeepZipf(8, seed: 42), saved.LibraryText);

        // A restarted server: its library is empty, so the link alone would not open.
        using var restarted = new SessionRegistry();
        string url = RunReopener.Url(_store, restarted.Library, saved.Token);

        var uri = new Uri("http://x" + url);
        Assert.Equal("/keep", uri.AbsolutePath);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal((id, "30", "coalescing", saved.Token), (query["scenario"], query["step"], query["mode"], query[RunReopener.Key])); // the token, never the id
        Assert.Equal(saved.Token, SaveRunViewModel.ReopenedToken(query));

        using var reopened = new KeepViewModel(restarted);
        reopened.Load(query);
        Assert.Empty(reopened.Notices);
        Assert.Equal(page.QueryString, reopened.QueryString); // the same view
        var check = new SaveRunViewModel(_store, restarted.Library, RunHistoryStoreTests.Alice);
        await check.CheckReopenedAsync(saved.Token, reopened);

        Assert.True(check.Reopened!.SameStep);
        Assert.True(check.Reopened.SameLog);
        Assert.True(_store.Find(saved.Id)!.Reproduced);
    }

    [Fact]
    public async Task ADifferentRunIsReportedAsNotReproduced()
    {
        using var page = new StratumViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["seed"] = "1", ["step"] = "5" });
        SavedRun saved = _store.Save(RunHistoryStoreTests.Run("another log") with { Page = "/stratum", Step = 5, LastStep = 14, EventLogSha256 = new string('e', 64) }, RunHistoryStoreTests.Alice);
        var check = new SaveRunViewModel(_store, _registry.Library, RunHistoryStoreTests.Alice);

        await check.CheckReopenedAsync(saved.Token, page);
        Assert.True(check.Reopened!.SameStep);
        Assert.False(check.Reopened.SameLog);
        Assert.False(_store.Find(saved.Id)!.Reproduced);

        await check.CheckReopenedAsync(HistoryKey.New(), page);
        Assert.Contains("not in the history", check.ReopenProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVisitorWithTheLinkSeesTheCheckButItIsNotRecordedInTheOwnersHistory()
    {
        using var page = new StratumViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["seed"] = "1", ["step"] = "5" });
        SavedRun saved = _store.Save(RunHistoryStoreTests.Run("alice's") with { Page = "/stratum", Step = 5, LastStep = 14, EventLogSha256 = new string('e', 64) }, RunHistoryStoreTests.Alice);
        var bob = new SaveRunViewModel(_store, _registry.Library, RunHistoryStoreTests.Bob);

        await bob.CheckReopenedAsync(saved.Token, page);

        Assert.Equal("alice's", bob.Reopened!.Run.Name);
        Assert.False(bob.Reopened.SameLog);
        Assert.Null(_store.Find(saved.Id)!.ReopenedAt); // Alice's row is as she left it
    }

    [Fact]
    public async Task ASaveWithoutAnOwnerIsInNobodysListButOpensByItsLink()
    {
        using var page = new StratumViewModel(_registry);
        page.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["seed"] = "1", ["step"] = "5" });
        var form = new SaveRunViewModel(_store, _registry.Library, owner: null);
        form.Open(page);

        Assert.True(await form.SaveAsync(page));

        Assert.Null(form.Saved!.Owner);
        Assert.Empty(_store.List(RunHistoryStoreTests.Alice));
        Assert.Empty(_store.List(null));
        Assert.Equal(form.Saved.Id, _store.FindByToken(form.Saved.Token)!.Id);
    }

    [Theory]
    [InlineData("abcdefghijABCDEFGHIJ-_", true)]
    [InlineData("12", false)]
    [InlineData("abcdefghijABCDEFGHIJ-_x", false)]
    [InlineData("abcdefghijABCDEFGHIJ+/", false)]
    [InlineData(null, false)]
    public void TheReopenedTokenComesFromTheUrl(string? text, bool taken) =>
        Assert.Equal(taken ? text : null, SaveRunViewModel.ReopenedToken(new Dictionary<string, string?> { [RunReopener.Key] = text }));

    public void Dispose()
    {
        _registry.Dispose();
        _folder.Dispose();
    }
}
