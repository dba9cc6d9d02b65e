using BufferLab.Simulator.Web.History;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>Owners and links: each browser lists, renames and deletes only its own runs; anyone with a run's token opens it; refusals change nothing.</summary>
public sealed class RunHistoryOwnerTests : IDisposable
{
    private const string Alice = RunHistoryStoreTests.Alice;
    private const string Bob = RunHistoryStoreTests.Bob;

    private readonly TempFolder _folder = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    private readonly RunHistoryStore _store;

    public RunHistoryOwnerTests() => _store = new RunHistoryStore(new RunHistoryOptions { DataFolder = _folder.Path }, _time);

    [Fact]
    public void EachOwnerListsOnlyTheirOwnRuns()
    {
        _store.Save(RunHistoryStoreTests.Run("alice 1"), Alice);
        _store.Save(RunHistoryStoreTests.Run("bob 1"), Bob);
        _store.Save(RunHistoryStoreTests.Run("nobody's"), owner: null);
        _store.Save(RunHistoryStoreTests.Run("alice 2"), Alice);

        Assert.Equal(["alice 1", "alice 2"], _store.List(Alice).Select(r => r.Name).Order());
        Assert.Equal(["bob 1"], _store.List(Bob).Select(r => r.Name));
        Assert.Empty(_store.List(Bob, "alice")); // a search does not reach past the owner either
        Assert.Empty(_store.List(null));
        Assert.Empty(_store.List("")); // malformed keys own nothing (and never match the runs without an owner)
        Assert.Empty(_store.List("short"));
        Assert.Empty(_store.List(Alice + "x"));
    }

    [Fact]
    public void EveryRunGetsItsOwnUnguessableTokenAndAnyoneCanOpenItByIt()
    {
        SavedRun alices = _store.Save(RunHistoryStoreTests.Run("alice's"), Alice);
        SavedRun bobs = _store.Save(RunHistoryStoreTests.Run("bob's"), Bob);

        Assert.True(HistoryKey.IsWellFormed(alices.Token));
        Assert.NotEqual(alices.Token, bobs.Token);
        Assert.Equal(alices, _store.FindByToken(alices.Token)); // no owner needed to open
        Assert.Equal($"/history/{alices.Token}", alices.Link);
        Assert.Null(_store.FindByToken(HistoryKey.New())); // unknown
        Assert.Null(_store.FindByToken(new string([.. alices.Token.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]))); // exact, not ignoring case
        Assert.Null(_store.FindByToken(alices.Token + "A")); // malformed: never looked up
        Assert.Null(_store.FindByToken(new string('A', 100_000)));
        Assert.Null(_store.FindByToken("' OR 1=1 --          "));
        Assert.Null(_store.FindByToken(null));
    }

    [Fact]
    public void RenamingAnotherOwnersRunIsRefusedAndChangesNothing()
    {
        SavedRun alices = _store.Save(RunHistoryStoreTests.Run("alice's", "her notes"), Alice);
        _time.Advance(TimeSpan.FromHours(1));

        var e = Assert.Throws<RunHistoryException>(() => _store.Edit(alices.Id, Bob, "mine now", "bob's notes"));
        Assert.Equal($"Run {alices.Id} was saved by another browser; only that browser can rename it or edit its notes. Nothing was changed.", e.Message);
        Assert.Contains("no owner key", Assert.Throws<RunHistoryException>(() => _store.Edit(alices.Id, null, "mine now", "")).Message, StringComparison.Ordinal);
        Assert.Contains("not in the history", Assert.Throws<RunHistoryException>(() => _store.Edit(alices.Id + 1, Bob, "x", "")).Message, StringComparison.Ordinal);

        Assert.Equal(alices, _store.Find(alices.Id)); // name, notes and edited_at as they were
        Assert.Equal("renamed", _store.Edit(alices.Id, Alice, "renamed", "").Name);
    }

    [Fact]
    public void DeletingAnotherOwnersRunIsRefusedAndChangesNothing()
    {
        SavedRun alices = _store.Save(RunHistoryStoreTests.Run("alice's"), Alice);
        SavedRun nobodys = _store.Save(RunHistoryStoreTests.Run("from before owners"), owner: null);

        var e = Assert.Throws<RunHistoryException>(() => _store.Delete(alices.Id, Bob));
        Assert.Equal($"Run {alices.Id} was saved by another browser; only that browser can delete it. Nothing was changed.", e.Message);
        Assert.Throws<RunHistoryException>(() => _store.Delete(alices.Id, null));
        Assert.Throws<RunHistoryException>(() => _store.Delete(nobodys.Id, Alice)); // a run without an owner is nobody's to delete
        Assert.False(_store.Delete(alices.Id + 100, Bob)); // nothing there: nothing to refuse

        Assert.Equal(alices, _store.FindByToken(alices.Token));
        Assert.Equal(nobodys, _store.FindByToken(nobodys.Token));
        Assert.True(_store.Delete(alices.Id, Alice));
        Assert.Null(_store.FindByToken(alices.Token));
    }

    [Fact]
    public void OnlyTheOwnersReopeningIsRecorded()
    {
        SavedRun alices = _store.Save(RunHistoryStoreTests.Run("alice's"), Alice);

        Assert.False(_store.RecordReopen(alices.Token, Bob, new string('0', 64)));
        Assert.False(_store.RecordReopen(alices.Token, null, new string('0', 64)));
        Assert.Equal(alices, _store.Find(alices.Id));
        Assert.True(_store.RecordReopen(alices.Token, Alice, alices.EventLogSha256));
        Assert.True(_store.Find(alices.Id)!.Reproduced);
    }

    [Fact]
    public void AMalformedOwnerKeyCannotSave()
    {
        Assert.Contains("owner key", Assert.Throws<RunHistoryException>(() => _store.Save(RunHistoryStoreTests.Run(), "not a key")).Message, StringComparison.Ordinal);
        Assert.Empty(_store.List(Alice));
    }

    [Fact]
    public void KeysAre128RandomBitsInBase64Url()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => HistoryKey.New()).ToList();

        Assert.All(keys, k => Assert.True(HistoryKey.IsWellFormed(k), k));
        Assert.All(keys, k => Assert.Equal(16, System.Buffers.Text.Base64Url.DecodeFromChars(k).Length));
        Assert.Equal(1000, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.False(HistoryKey.IsWellFormed("abcdefghijABCDEFGHIJ+/")); // base64, not base64url
        Assert.False(HistoryKey.IsWellFormed("abcdefghijABCDEFGHIJ=="));
        Assert.False(HistoryKey.IsWellFormed("abcdefghijABCDEFGHIJ\u00e9a"));
    }

    public void Dispose() => _folder.Dispose();
}
