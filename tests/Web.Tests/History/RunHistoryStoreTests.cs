using BufferLab.Simulator.Web.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>The run history in a temporary folder: save, list, search, rename, delete, bounds, refusals and storage failures.</summary>
public sealed class RunHistoryStoreTests : IDisposable
{
    /// <summary>Two browsers' owner keys (well formed: 22 base64url characters).</summary>
    internal const string Alice = "aliceAliceAliceAlice01";
    internal const string Bob = "bobBobBobBobBobBobBob0";

    private const string Sha = "1d6f7faf7251aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private readonly TempFolder _folder = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    private RunHistoryStore Store(TimeSpan? busy = null, long? maxBytes = null) => new(
        new RunHistoryOptions { DataFolder = Path.Combine(_folder.Path, "data"), BusyTimeout = busy ?? TimeSpan.FromSeconds(5), MaxDatabaseBytes = maxBytes ?? 256L << 20 }, _time);

    internal static RunToSave Run(string name = "herd at 800", string notes = "coalescing takes 4 reads") => new(
        name, notes, "/keep", "scenario=keep-job-start-herd&seed=1&step=800&mode=current", "keep-job-start-herd", "keep-job-start-herd",
        "name: keep-job-start-herd\nseed: 1\n", null, 1, 800, 5128, Sha, "0.1.0");

    [Fact]
    public void ListingBeforeAnythingIsSavedIsEmptyAndMakesNoFile()
    {
        RunHistoryStore store = Store();

        Assert.Empty(store.List(Alice));
        Assert.Null(store.Find(1));
        Assert.False(store.Delete(1, Alice));
        Assert.False(File.Exists(store.DatabasePath));
    }

    [Fact]
    public void ASavedRunComesBackWithEverythingItKept()
    {
        RunHistoryStore store = Store();

        SavedRun saved = store.Save(Run("  herd at 800  ", "line one\nline two  "), Alice);

        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "runs.db")));
        Assert.Equal(saved, store.Find(saved.Id));
        Assert.Equal(("herd at 800", "line one\nline two"), (saved.Name, saved.Notes)); // trimmed
        Assert.Equal("/keep?scenario=keep-job-start-herd&seed=1&step=800&mode=current", saved.Url);
        Assert.Equal((800, 5128, "1", Sha, "0.1.0"), (saved.Step, saved.LastStep, saved.Seed, saved.EventLogSha256, saved.EngineVersion));
        Assert.Equal(_time.Now, saved.SavedAt);
        Assert.Null(saved.EditedAt);
        Assert.Null(saved.Reproduced);

        // another store on the same file (a restarted server) reads the same
        Assert.Equal(saved, Store().Find(saved.Id));
    }

    [Fact]
    public void TheListIsNewestFirstAndSearchable()
    {
        RunHistoryStore store = Store();
        store.Save(Run("first", "plain"), Alice);
        _time.Advance(TimeSpan.FromMinutes(1));
        store.Save(Run("second", "100% of the reads"), Alice);
        _time.Advance(TimeSpan.FromMinutes(1));
        store.Save(Run("Third", "under_score") with { Page = "/stratum", ScenarioName = "readme-case3" }, Alice);

        Assert.Equal(["Third", "second", "first"], store.List(Alice).Select(r => r.Name));
        Assert.Equal(["Third"], store.List(Alice, "third").Select(r => r.Name)); // any case
        Assert.Equal(["second"], store.List(Alice, "100%").Select(r => r.Name));
        Assert.Empty(store.List(Alice, "1%r")); // % is literal, not "anything"
        Assert.Equal(["Third"], store.List(Alice, "under_").Select(r => r.Name));
        Assert.Empty(store.List(Alice, "d_r")); // _ is literal too
        Assert.Equal(["Third"], store.List(Alice, "README-CASE").Select(r => r.Name)); // the scenario
        Assert.Equal(["Third"], store.List(Alice, "/stratum").Select(r => r.Name)); // the page
        Assert.Equal(3, store.List(Alice, "  ").Count);
    }

    [Fact]
    public void RenameEditNotesAndDelete()
    {
        RunHistoryStore store = Store();
        SavedRun saved = store.Save(Run(), Alice);
        _time.Advance(TimeSpan.FromHours(1));

        SavedRun edited = store.Edit(saved.Id, Alice, "renamed", "new notes");

        Assert.Equal(("renamed", "new notes", _time.Now, saved.SavedAt), (edited.Name, edited.Notes, edited.EditedAt, edited.SavedAt));
        Assert.True(store.Delete(saved.Id, Alice));
        Assert.False(store.Delete(saved.Id, Alice));
        Assert.Empty(store.List(Alice));
        Assert.Throws<RunHistoryException>(() => store.Edit(saved.Id, Alice, "x", ""));
    }

    [Fact]
    public void AReopeningIsRecordedWithItsHash()
    {
        RunHistoryStore store = Store();
        SavedRun saved = store.Save(Run(), Alice);

        store.RecordReopen(saved.Token, Alice, Sha);
        Assert.True(store.Find(saved.Id)!.Reproduced);
        store.RecordReopen(saved.Token, Alice, new string('0', 64));
        Assert.False(store.Find(saved.Id)!.Reproduced);
        Assert.Equal(_time.Now, store.Find(saved.Id)!.ReopenedAt);
    }

    [Theory]
    [InlineData("", "", "Give the run a name.")]
    [InlineData("   ", "", "Give the run a name.")]
    [InlineData("tab\there", "", "one line of text")]
    [InlineData("ok", "bell\a", "control characters")]
    public void BadNamesAndNotesAreRefusedAndNothingIsSaved(string name, string notes, string problem)
    {
        RunHistoryStore store = Store();

        var e = Assert.Throws<RunHistoryException>(() => store.Save(Run(name, notes), Alice));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.List(Alice));
    }

    [Fact]
    public void NamesAndNotesAreBounded()
    {
        RunHistoryStore store = Store();

        store.Save(Run(new string('n', SavedRunRules.MaxNameLength), new string('x', SavedRunRules.MaxNotesLength)), Alice);
        Assert.Contains("at most 100", Assert.Throws<RunHistoryException>(() => store.Save(Run(new string('n', SavedRunRules.MaxNameLength + 1)), Alice)).Message, StringComparison.Ordinal);
        Assert.Contains("at most 4000", Assert.Throws<RunHistoryException>(() => store.Save(Run("n", new string('x', SavedRunRules.MaxNotesLength + 1)), Alice)).Message, StringComparison.Ordinal);
        SavedRun kept = Assert.Single(store.List(Alice));
        Assert.Throws<RunHistoryException>(() => store.Edit(kept.Id, Alice, "", "notes"));
        Assert.Equal(kept, store.Find(kept.Id));
    }

    [Fact]
    public void WhatOnlyThePageSuppliesIsCheckedToo()
    {
        RunHistoryStore store = Store();

        Assert.Contains("not a system page", Assert.Throws<RunHistoryException>(() => store.Save(Run() with { Page = "/etc/passwd" }, Alice)).Message, StringComparison.Ordinal);
        Assert.Contains("64 lower-case hex", Assert.Throws<RunHistoryException>(() => store.Save(Run() with { EventLogSha256 = "abc" }, Alice)).Message, StringComparison.Ordinal);
        Assert.Contains("not a step", Assert.Throws<RunHistoryException>(() => store.Save(Run() with { Step = 6000 }, Alice)).Message, StringComparison.Ordinal);
        Assert.Contains("scenario file", Assert.Throws<RunHistoryException>(() => store.Save(Run() with { ScenarioText = "" }, Alice)).Message, StringComparison.Ordinal);
        Assert.Contains("URL", Assert.Throws<RunHistoryException>(() => store.Save(Run() with { Query = new string('q', SavedRunRules.MaxQueryLength + 1) }, Alice)).Message, StringComparison.Ordinal);
        Assert.Empty(store.List(Alice));
    }

    [Fact]
    public void ALockedDatabaseIsReportedAndNothingIsLost()
    {
        RunHistoryStore store = Store(busy: TimeSpan.FromMilliseconds(200));
        SavedRun first = store.Save(Run("first"), Alice);

        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.DatabasePath, Pooling = false }.ToString()))
        {
            other.Open();
            using SqliteCommand exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery(); // another program holds the database

            var save = Assert.Throws<RunHistoryException>(() => store.Save(Run("second"), Alice));
            Assert.Contains("locked", save.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", save.Message, StringComparison.Ordinal);
            Assert.Contains("locked", Assert.Throws<RunHistoryException>(() => store.Delete(first.Id, Alice)).Message, StringComparison.Ordinal);
        }

        Assert.Equal(["first"], store.List(Alice).Select(r => r.Name));
        store.Save(Run("second"), Alice); // free again
        Assert.Equal(["second", "first"], store.List(Alice).Select(r => r.Name));
    }

    [Fact]
    public void AFullDatabaseIsReportedAndNothingIsLost()
    {
        RunHistoryStore store = Store(maxBytes: 64 * 1024); // 16 pages: room for a few runs only
        var big = Run() with { ScenarioText = new string('#', 20_000) };
        int saved = 0;
        RunHistoryException? full = null;
        for (int i = 0; i < 20 && full is null; i++)
        {
            try
            {
                store.Save(big with { Name = $"run {i}" }, Alice);
                saved++;
            }
            catch (RunHistoryException e)
            {
                full = e;
            }
        }

        Assert.NotNull(full);
        Assert.Contains("full", full.Message, StringComparison.Ordinal);
        Assert.True(saved > 0);
        Assert.Equal(saved, store.List(Alice).Count); // the failed save left no half-written row, and the others are intact
        Assert.All(store.List(Alice), r => Assert.Equal(big.ScenarioText, r.ScenarioText));
    }

    [Fact]
    public void AFileThatIsNotADatabaseIsReported()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "data"));
        File.WriteAllText(Path.Combine(_folder.Path, "data", "runs.db"), "not a database, just text that is long enough to be read as a header by sqlite");

        var e = Assert.Throws<RunHistoryException>(() => Store().List(Alice));
        Assert.Contains("not a SQLite database", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDataFolderComesFromConfigurationOrTheUsersDataFolder()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BufferLab:DataFolder"] = "my-data" }).Build();
        Assert.Equal(Path.Combine(_folder.Path, "my-data", "runs.db"), RunHistoryOptions.From(configured, _folder.Path).DatabasePath);

        var none = new ConfigurationBuilder().Build();
        string expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "BufferLab", "runs.db");
        Assert.Equal(expected, RunHistoryOptions.From(none, _folder.Path).DatabasePath);
    }

    public void Dispose() => _folder.Dispose();
}
