using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.History;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// A page's link to the presentation it follows: the presenter's latest view (from the store's
/// signals, on any instance), counted as one follower while it lives. Every heartbeat it checks the
/// presenter is still there; when not (no heartbeat for <see cref="PresentingOptions.LostAfter"/>,
/// or the store does not answer) it says "lost" and keeps asking the store, so the page catches up
/// as soon as the presenter (or Redis) is back. The follower is a random id: nothing names it.
/// </summary>
public sealed class FollowerLink : IAsyncDisposable
{
    private readonly PresentingService _service;
    private readonly Lock _gate = new();
    private readonly Timer _watch;
    private IDisposable? _counted;
    private IAsyncDisposable? _signals;
    private int _disposed;

    private FollowerLink(PresentingService service, PresentedFrame latest)
    {
        (_service, Latest) = (service, latest);
        _watch = new Timer(_ => _ = WatchAsync(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public string Code => Latest.Code;

    public string ShortCode => Latest.ShortCode;

    /// <summary>This follower's id for quiz answers: random, for as long as the page follows.</summary>
    public string FollowerId { get; } = HistoryKey.New();

    public PresentedFrame Latest { get; private set; }

    /// <summary>Whether the presenter (or the store) is out of reach now.</summary>
    public bool Lost { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The presenter moved, or the link's state (lost, ended) changed; on any thread.</summary>
    public event Action? Changed;

    /// <summary>Follows <paramref name="code"/> (either code): refused when there is no such presentation or no room in it.</summary>
    public static async Task<FollowerLink> StartAsync(PresentingService service, string code)
    {
        PresentedFrame latest = await service.FindAsync(code).ConfigureAwait(false);
        await service.CheckRoomAsync(latest.Code).ConfigureAwait(false);
        var link = new FollowerLink(service, latest);
        link._counted = service.CountFollower(latest.Code);
        link.Lost = service.IsLost(latest) && !latest.IsEnded;
        await link.SubscribeAsync().ConfigureAwait(false);
        link._watch.Change(service.Options.Heartbeat, service.Options.Heartbeat);
        return link;
    }

    public Task AnswerAsync(int step, QuizAnswer answer) => _service.AnswerAsync(Code, step, FollowerId, answer);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _watch.DisposeAsync().ConfigureAwait(false);
        _counted?.Dispose();
        if (_signals is not null)
        {
            await _signals.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            _signals = await _service.Store.SubscribeAsync(Code, s =>
            {
                if (s.Frame is { } frame)
                {
                    Take(frame);
                }
            }).ConfigureAwait(false);
        }
        catch (PresentingUnavailableException e)
        {
            (Lost, Problem) = (true, e.Message); // the watch subscribes again once the store answers
        }
    }

    private void Take(PresentedFrame frame)
    {
        lock (_gate)
        {
            if (frame.Version < Latest.Version && !frame.IsEnded)
            {
                return; // an older view overtaken on the way
            }

            Latest = frame;
            (Lost, Problem) = (false, null);
        }

        Changed?.Invoke();
    }

    private async Task WatchAsync()
    {
        if (_disposed == 1 || Latest.IsEnded)
        {
            return;
        }

        bool wasLost = Lost;
        try
        {
            if (_signals is null)
            {
                await SubscribeAsync().ConfigureAwait(false);
            }

            if (_service.IsLost(Latest))
            {
                // No heartbeat heard: ask the store (a missed message, or the presenter resumed elsewhere).
                PresentedFrame? stored = await _service.Store.GetAsync(Code).ConfigureAwait(false);
                if (stored is null)
                {
                    Take(Latest with { Status = PresentedFrame.Ended });
                    return;
                }

                if (stored.Version > Latest.Version)
                {
                    Take(stored);
                }

                Lost = _service.IsLost(Latest);
                Problem = null;
            }
        }
        catch (PresentingUnavailableException e)
        {
            (Lost, Problem) = (true, e.Message);
        }

        if (Lost != wasLost || Lost)
        {
            Changed?.Invoke();
        }
    }
}
