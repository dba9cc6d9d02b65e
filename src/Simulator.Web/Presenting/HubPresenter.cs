using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>A hub connection presenting its session: each change of the session (coalesced by its throttle) is shown to the followers, on the session's page.</summary>
public sealed class HubPresenter(PresenterFeed feed, SimulationSession session) : IAsyncDisposable
{
    private ChangeSubscription? _changes;

    public PresenterFeed Feed => feed;

    /// <summary>The view of <paramref name="session"/> at <paramref name="step"/>: its system's page with its scenario, seed and step.</summary>
    public static PresentedView ViewOf(SimulationSession session, int step)
    {
        string link = SystemPages.Open(session.ScenarioKey, session.Scenario, session.Seed);
        int query = link.IndexOf('?', StringComparison.Ordinal);
        return new PresentedView(session, link[..query], $"{link[(query + 1)..]}&step={step}", step);
    }

    public void Start() => _changes = session.Subscribe(() =>
    {
        feed.Show(ViewOf(session, session.Read(run => run.Step)));
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        _changes?.Dispose();
        await feed.DisposeAsync().ConfigureAwait(false);
    }
}
