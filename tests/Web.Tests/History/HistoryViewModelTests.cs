using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.Data.Sqlite;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>The history page's logic: list, search, edit, delete with confirmation, failures shown.</summary>
public sealed class HistoryViewModelTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    private readonly RunHistoryStore _store;

    public HistoryViewModelTests() => _store = new RunHistoryStore(new RunHistoryOptions { DataFolder = _folder.Path, BusyTimeout = TimeSpan.FromMilliseconds(200) }, _time);

    [Fact]
    public void AnEmptyHistoryListsNothing()
    {
        var vm = new HistoryViewModel(_store, RunHistoryStoreTests.Alice);
        vm.Load();

        Assert.Empty(vm.Runs);
        Assert.Null(vm.Error);
    }

    [Fact]
    public void ListSearchEditAndDeleteAfterConfirming()
    {
        _store.Save(RunHistoryStoreTests.Run("herd", "current mode"), RunHistoryStoreTests.Alice);
        _time.Advance(TimeSpan.FromMinutes(1));
        _store.Save(RunHistoryStoreTests.Run("coalesced", "four reads"), RunHistoryStoreTests.Alice);
        var vm = new HistoryViewModel(_store, RunHistoryStoreTests.Alice);
        vm.Load();
        Assert.Equal(["coalesced", "herd"], vm.Runs.Select(r => r.Name));

        vm.SetSearch(" FOUR ");
        Assert.Equal(["coalesced"], vm.Runs.Select(r => r.Name));
        vm.SetSearch("");

        SavedRun herd = vm.Runs[1];
        vm.StartEdit(herd);
        Assert.Equal((herd.Id, "herd", "current mode"), (vm.EditingId, vm.EditName, vm.EditNotes));
        vm.EditName = "";
        Assert.False(vm.SaveEdit());
        Assert.Equal(herd.Id, vm.EditingId); // still editing, with the problem shown
        Assert.Equal("Give the run a name.", Assert.Single(vm.EditProblems));
        vm.EditName = "herd, current";
        vm.EditNotes = "400 reads";
        Assert.True(vm.SaveEdit());
        Assert.Null(vm.EditingId);
        Assert.Equal(("herd, current", "400 reads"), (vm.Runs[1].Name, vm.Runs[1].Notes));

        vm.AskDelete(vm.Runs[0]);
        Assert.Equal(vm.Runs[0].Id, vm.ConfirmingDeleteId);
        vm.CancelDelete();
        Assert.Equal(2, vm.Runs.Count);
        vm.AskDelete(vm.Runs[0]);
        vm.ConfirmDelete();
        Assert.Equal(["herd, current"], vm.Runs.Select(r => r.Name));
        Assert.Equal("Deleted “coalesced”.", vm.Status);
        Assert.Null(vm.ConfirmingDeleteId);
    }

    [Fact]
    public void AFailureIsShownAndTheListAndTheEditStay()
    {
        _store.Save(RunHistoryStoreTests.Run("herd"), RunHistoryStoreTests.Alice);
        var vm = new HistoryViewModel(_store, RunHistoryStoreTests.Alice);
        vm.Load();
        vm.StartEdit(vm.Runs[0]);
        vm.EditName = "renamed while locked";

        using (var other = new SqliteConnection($"Data Source={_store.DatabasePath};Pooling=False"))
        {
            other.Open();
            using SqliteCommand exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();

            Assert.False(vm.SaveEdit());
            Assert.Contains("locked", vm.Error, StringComparison.Ordinal);
            Assert.Equal("renamed while locked", vm.EditName);
            Assert.NotNull(vm.EditingId);
            vm.Load();
            Assert.Equal(["herd"], vm.Runs.Select(r => r.Name)); // the last list stays shown
        }

        Assert.True(vm.SaveEdit());
        Assert.Null(vm.Error);
        Assert.Equal(["renamed while locked"], vm.Runs.Select(r => r.Name));
    }

    [Fact]
    public void AnotherBrowsersRunsAreNotListedAndCannotBeRenamedOrDeleted()
    {
        SavedRun alices = _store.Save(RunHistoryStoreTests.Run("alice's herd", "hers"), RunHistoryStoreTests.Alice);
        var bob = new HistoryViewModel(_store, RunHistoryStoreTests.Bob);
        bob.Load();
        Assert.Empty(bob.Runs);

        // A forged edit (Bob's page told to edit a run it never listed) is refused, and the form keeps what was typed.
        bob.StartEdit(alices);
        bob.EditName = "bob's now";
        Assert.False(bob.SaveEdit());
        Assert.Contains("saved by another browser", Assert.Single(bob.EditProblems), StringComparison.Ordinal);
        Assert.Equal("bob's now", bob.EditName);

        bob.AskDelete(alices);
        bob.ConfirmDelete();
        Assert.Contains("saved by another browser", bob.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", bob.Error, StringComparison.Ordinal);
        Assert.Equal(alices.Id, bob.ConfirmingDeleteId);

        Assert.Equal(alices, _store.Find(alices.Id)); // untouched
        var alice = new HistoryViewModel(_store, RunHistoryStoreTests.Alice);
        alice.Load();
        Assert.Equal(["alice's herd"], alice.Runs.Select(r => r.Name));
    }

    [Fact]
    public void ABrowserWithoutAnOwnerKeyListsNothingAndIsToldWhy()
    {
        _store.Save(RunHistoryStoreTests.Run("herd"), RunHistoryStoreTests.Alice);
        var vm = new HistoryViewModel(_store, owner: null);
        vm.Load();

        Assert.False(vm.HasOwner);
        Assert.Empty(vm.Runs);
        Assert.True(new HistoryViewModel(_store, RunHistoryStoreTests.Alice).HasOwner);
    }

    [Fact]
    public void TheViewsChoicesAreShownBesideTheScenario() =>
        Assert.Equal("mode current · compare coalescing", HistoryViewModel.ViewOptions("scenario=keep-job-start-herd&seed=1&step=800&mode=current&compare=coalescing"));

    [Theory]
    [InlineData("/keep", "Keepstore buffers")]
    [InlineData("/stratum", "Stratum V2 pool")]
    [InlineData("/elsewhere", "/elsewhere")]
    public void PagesAreNamedAsTheNavigationNamesThem(string page, string title) => Assert.Equal(title, SystemPages.PageTitle(page));

    public void Dispose() => _folder.Dispose();
}
