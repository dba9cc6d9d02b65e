using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.History;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// One browser tab's part in presenting (one per circuit, so it outlives a move between system
/// pages): presenting a presentation, following one, or exploring away from the one it followed.
/// The pages drive it; the presenter bar and the quiz read it. Closing the tab lets go of the
/// presentation without ending it, so its presenter can resume it from another tab.
/// </summary>
public sealed class PresentingCircuit(PresentingService service, RunOwner owner) : IAsyncDisposable
{
    private readonly string _fallbackKey = HistoryKey.New();

    public PresenterFeed? Presenting { get; private set; }

    public FollowerLink? Following { get; private set; }

    /// <summary>The presentation this tab followed before "Explore from here" (for "Back to the presenter").</summary>
    public PresentedFrame? Explored { get; private set; }

    /// <summary>What the last request here could not do, to show; null when it went well.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where presentations are kept (for the bar's note).</summary>
    public string StoreDescription => service.Store.Description;

    /// <summary>Something a page or the bar shows changed (on any thread).</summary>
    public event Action? Changed;

    /// <summary>This browser as a presenter: its owner key's hash (a tab without the cookie gets a key of its own).</summary>
    private string Presenter => PresentingService.PresenterOf(owner.Key ?? _fallbackKey);

    public async Task PresentAsync(PresentedView view) => await Try(async () =>
    {
        await LeaveAsync().ConfigureAwait(false);
        Attach(await service.StartAsync(Presenter, view).ConfigureAwait(false));
    }).ConfigureAwait(false);

    /// <summary>The presentation this browser started whose presenter is gone, to offer resuming it.</summary>
    public async Task<PresentedFrame?> ResumableAsync()
    {
        if (Presenting is not null || Following is not null)
        {
            return null;
        }

        try
        {
            return await service.ResumableAsync(Presenter).ConfigureAwait(false);
        }
        catch (PresentingUnavailableException)
        {
            return null;
        }
    }

    public async Task ResumeAsync(string code, PresentedView view) => await Try(async () =>
    {
        await LeaveAsync().ConfigureAwait(false);
        Attach(await service.ResumeAsync(code, Presenter, view).ConfigureAwait(false));
    }).ConfigureAwait(false);

    /// <summary>Shows the presenter's new view to the followers (nothing when not presenting).</summary>
    public void Show(PresentedView view) => Presenting?.Show(view);

    public async Task EndAsync() => await Try(async () =>
    {
        if (Presenting is { } feed)
        {
            Presenting = null;
            feed.Changed -= OnChanged;
            await feed.EndAsync().ConfigureAwait(false);
        }
    }).ConfigureAwait(false);

    /// <summary>Follows <paramref name="code"/>; the presenter's view so far, or null when refused (see <see cref="Problem"/>).</summary>
    public async Task<PresentedFrame?> FollowAsync(string code)
    {
        if (Following is { } current && (current.Code == code || current.ShortCode == code))
        {
            return current.Latest;
        }

        PresentedFrame? latest = null;
        await Try(async () =>
        {
            await LeaveAsync().ConfigureAwait(false);
            FollowerLink link = await FollowerLink.StartAsync(service, code).ConfigureAwait(false);
            link.Changed += OnChanged;
            (Following, Explored, latest) = (link, null, link.Latest);
        }).ConfigureAwait(false);
        return latest;
    }

    /// <summary>"Explore from here": stops following; the page's own session stays where it is, now the follower's to step.</summary>
    public async Task ExploreAsync()
    {
        PresentedFrame? left = Following?.Latest;
        await LeaveAsync().ConfigureAwait(false);
        Explored = left;
        Changed?.Invoke();
    }

    /// <summary>A follower reached for a control: say how to get control of the view.</summary>
    public void RefuseControl()
    {
        Problem = "You are following: the presenter steps. \"Explore from here\" to step on your own from this step.";
        Changed?.Invoke();
    }

    public Task AnswerAsync(int step, QuizAnswer answer) => Following is { } link ? Try(() => link.AnswerAsync(step, answer)) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Presenting is { } feed)
        {
            feed.Changed -= OnChanged;
            await feed.DisposeAsync().ConfigureAwait(false); // not ended: its presenter may resume it
        }

        await LeaveAsync().ConfigureAwait(false);
    }

    private void Attach(PresenterFeed feed)
    {
        feed.Changed += OnChanged;
        Presenting = feed;
    }

    private async Task LeaveAsync()
    {
        if (Following is { } link)
        {
            Following = null;
            link.Changed -= OnChanged;
            await link.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task Try(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            Problem = null;
        }
        catch (Exception e) when (e is PresentingException or PresentingUnavailableException)
        {
            Problem = e.Message;
        }

        Changed?.Invoke();
    }

    private void OnChanged() => Changed?.Invoke();
}
