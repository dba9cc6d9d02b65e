using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>Two browser tabs' presenting (one service, in memory): following, exploring, losing the presenter and resuming, the quiz's count.</summary>
public sealed class PresentingCircuitTests : IDisposable
{
    private static readonly PresentingOptions Quick = new() { Heartbeat = TimeSpan.FromMilliseconds(100), LostAfter = TimeSpan.FromMilliseconds(400) };

    private readonly SessionRegistry _sessions = new();
    private readonly CollectingFrameSender _sent = new();
    private readonly PresentingService _service;
    private readonly RunOwner _presenterBrowser = new();

    public PresentingCircuitTests()
    {
        _service = new PresentingService(new MemoryPresentationStore(), _sent, Quick, "test");
        _presenterBrowser.Set(HistoryKey.New());
    }

    public void Dispose()
    {
        _service.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sessions.Dispose();
    }

    [Fact]
    public async Task AFollowerSeesEachViewThePresenterShowsAndIsCounted()
    {
        SimulationSession session = Open();
        await using var presenter = new PresentingCircuit(_service, _presenterBrowser);
        await using var follower = new PresentingCircuit(_service, new RunOwner());
        await presenter.PresentAsync(View(session, "scenario=readme-case3&seed=1&step=0", 0));
        PresenterFeed feed = presenter.Presenting!;

        PresentedFrame? first = await follower.FollowAsync(feed.ShortCode);
        session.StepForward(2);
        presenter.Show(View(session, "scenario=readme-case3&seed=1&step=2&variant=fixed", 2));

        await Eventually.Until(() => follower.Following!.Latest.Step == 2);
        await Eventually.Until(() => feed.Followers == 1);
        Assert.NotNull(first);
        Assert.Equal("scenario=readme-case3&seed=1&step=2&variant=fixed", follower.Following!.Latest.Query);
        Assert.Contains(_sent.Sent, f => f.Frame?.Step == 2);
    }

    [Fact]
    public async Task ExploringStopsFollowingAndBackToThePresenterFollowsAgain()
    {
        SimulationSession session = Open();
        await using var presenter = new PresentingCircuit(_service, _presenterBrowser);
        await using var follower = new PresentingCircuit(_service, new RunOwner());
        await presenter.PresentAsync(View(session, "scenario=readme-case3&seed=1&step=0", 0));
        await follower.FollowAsync(presenter.Presenting!.Code);

        await follower.ExploreAsync();
        session.StepForward(4);
        presenter.Show(View(session, "scenario=readme-case3&seed=1&step=4", 4));
        await Eventually.Until(() => _sent.Sent.Any(f => f.Step == 4));
        Assert.Null(follower.Following);
        Assert.NotNull(follower.Explored);

        PresentedFrame? back = await follower.FollowAsync(follower.Explored!.Code);
        Assert.Equal(4, back!.Step);
    }

    [Fact]
    public async Task AFollowerSeesThePresenterLostAndCatchesUpWhenTheSameBrowserResumes()
    {
        SimulationSession session = Open();
        var firstTab = new PresentingCircuit(_service, _presenterBrowser);
        await using var follower = new PresentingCircuit(_service, new RunOwner());
        await firstTab.PresentAsync(View(session, "scenario=readme-case3&seed=1&step=0", 0));
        string code = firstTab.Presenting!.Code;
        await follower.FollowAsync(code);

        await firstTab.DisposeAsync(); // the tab closed: the presentation waits for its presenter
        await Eventually.Until(() => follower.Following!.Lost);
        await using var otherTab = new PresentingCircuit(_service, _presenterBrowser);
        PresentedFrame? resumable = await otherTab.ResumableAsync();
        await using var stranger = new PresentingCircuit(_service, new RunOwner());
        await stranger.ResumeAsync(code, View(session, "scenario=readme-case3&seed=1&step=5", 5));
        await otherTab.ResumeAsync(code, View(session, "scenario=readme-case3&seed=1&step=6", 6));

        await Eventually.Until(() => follower.Following!.Latest.Step == 6 && !follower.Following.Lost);
        Assert.Equal(code, resumable?.Code);
        Assert.Contains("only the browser that started", stranger.Problem, StringComparison.Ordinal);
        Assert.Null(stranger.Presenting);
    }

    [Fact]
    public async Task TheQuizCountsEachFollowersLatestAnswerWithNoNames()
    {
        SimulationSession session = Open();
        await using var presenter = new PresentingCircuit(_service, _presenterBrowser);
        await presenter.PresentAsync(View(session, "scenario=readme-case3&seed=1&step=0&teach=1", 0));
        PresenterFeed feed = presenter.Presenting!;
        await using var alice = new PresentingCircuit(_service, new RunOwner());
        await using var bob = new PresentingCircuit(_service, new RunOwner());
        await alice.FollowAsync(feed.Code);
        await bob.FollowAsync(feed.Code);

        await alice.AnswerAsync(1, new QuizAnswer("Front", null));
        await alice.AnswerAsync(1, new QuizAnswer("Back", "1-------"));
        await bob.AnswerAsync(1, new QuizAnswer("Back", null));

        await Eventually.Until(() => feed.Asking is { Total: 2 });
        Assert.Equal([("Back", 2), ("Front", 0), ("Alloc", 0)], feed.Asking!.Modes);
        Assert.Equal(1, feed.Asking.WithMap);
        Assert.Equal(1, feed.Asking.RightFor("Back", "--------"));
    }

    [Fact]
    public async Task EndingTellsFollowersItEnded()
    {
        SimulationSession session = Open();
        await using var presenter = new PresentingCircuit(_service, _presenterBrowser);
        await using var follower = new PresentingCircuit(_service, new RunOwner());
        await presenter.PresentAsync(View(session, "scenario=readme-case3&seed=1&step=0", 0));
        await follower.FollowAsync(presenter.Presenting!.ShortCode);

        await presenter.EndAsync();

        await Eventually.Until(() => follower.Following!.Latest.IsEnded);
        Assert.Null(presenter.Presenting);
        Assert.Null(await presenter.ResumableAsync());
    }

    private SimulationSession Open() => _sessions.Open("page:test", new ScenarioRequest("readme-case3"), 1);

    private static PresentedView View(SimulationSession session, string query, int step) => new(session, "/stratum", query, step);
}
