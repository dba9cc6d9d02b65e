using System.Threading.Channels;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// One presentation on the presenter's instance. Whoever drives it (the presenter's page, or a hub
/// connection) calls <see cref="Show"/> with each new view; one loop publishes the latest view to the
/// store (for the followers' pages on every instance) and the presenter's frame to the hub group,
/// coalescing bursts, and beats every <see cref="PresentingOptions.Heartbeat"/> so followers know the
/// presenter is there. It also keeps the follower count and the quiz's answers for the presenter's page.
/// Disposing it leaves the presentation to expire after the grace period (a presenter can resume it);
/// <see cref="EndAsync"/> ends it for everyone.
/// </summary>
public sealed class PresenterFeed : IAsyncDisposable
{
    private readonly IPresentationStore _store;
    private readonly IPresentedFrameSender _sender;
    private readonly PresentingOptions _options;
    private readonly Action<PresenterFeed> _closed;
    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private PresentedView? _view;
    private SimulationSession? _framedSession;
    private FrameCursor _cursor = new();
    private Frame? _lastFrame;
    private long _version;
    private long _lastCount;
    private Task _loop = Task.CompletedTask;
    private IAsyncDisposable? _signals;
    private volatile bool _held;

    internal PresenterFeed(string code, string shortCode, long version, IPresentationStore store, IPresentedFrameSender sender, PresentingOptions options, Action<PresenterFeed> closed)
    {
        (Code, ShortCode, _version, _store, _sender, _options, _closed) = (code, shortCode, version, store, sender, options, closed);
    }

    public string Code { get; }

    public string ShortCode { get; }

    public string FollowPath => "/follow/" + Code;

    /// <summary>Followers on every instance, as last counted (every heartbeat).</summary>
    public int Followers { get; private set; }

    /// <summary>The answers to the quiz of the next step (the one the room predicts now).</summary>
    public QuizTally? Asking { get; private set; }

    /// <summary>The answers to the quiz of the step shown (the one just revealed).</summary>
    public QuizTally? Revealed { get; private set; }

    /// <summary>Why the last publish failed (the store does not answer), or null.</summary>
    public string? Problem { get; private set; }

    public bool Ended { get; private set; }

    /// <summary>The count, the answers or a problem changed (on a background thread).</summary>
    public event Action? Changed;

    /// <summary>
    /// The presenter's connection is down (true) or back (false): while down, nothing is published, so
    /// followers call the presenter lost after <see cref="PresentingOptions.LostAfter"/> rather than
    /// when the dropped tab's circuit is finally let go (its retention period later).
    /// </summary>
    public void Hold(bool held)
    {
        _held = held;
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Shows <paramref name="view"/> to the followers (soon, coalesced with what follows it).</summary>
    public void Show(PresentedView view)
    {
        lock (_gate)
        {
            if (_view == view)
            {
                return;
            }

            _view = view;
        }

        _wake.Writer.TryWrite(true);
    }

    internal async Task StartAsync()
    {
        _signals = await _store.SubscribeAsync(Code, OnSignal).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Ends the presentation: followers hear it ended; the store keeps that for a while, then forgets it.</summary>
    public async Task EndAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_view is { } view)
        {
            var ended = new PresentedFrame(Code, ShortCode, Interlocked.Increment(ref _version), view.Path, view.Query, view.Step, PresentedFrame.Ended, Now, null);
            await _store.PublishAsync(ended, _options.KeepEnded).ConfigureAwait(false);
            await _sender.SendAsync(ended).ConfigureAwait(false);
        }

        Ended = true;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            if (_signals is not null)
            {
                await _signals.DisposeAsync().ConfigureAwait(false);
            }

            _closed(this);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            bool changed = await WaitAsync(stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            if (_held)
            {
                continue;
            }

            var before = (Followers, Asking, Revealed, Problem);
            try
            {
                await PublishAsync(changed).ConfigureAwait(false);
                if (Environment.TickCount64 - _lastCount >= _options.Heartbeat.TotalMilliseconds)
                {
                    _lastCount = Environment.TickCount64;
                    Followers = await _store.CountFollowersAsync(Code).ConfigureAwait(false);
                    await RefreshAnswersAsync().ConfigureAwait(false);
                }

                Problem = null;
            }
            catch (PresentingUnavailableException e)
            {
                Problem = e.Message;
            }
#pragma warning disable CA1031 // the loop is the presentation's life: an unexpected failure is shown and the next beat tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                Problem = $"the last update to the followers failed ({e.GetType().Name}: {e.Message}); the next one tries again";
            }

            // The presenter's page hears of what it shows (count, answers, a problem), not of every publish.
            if (before != (Followers, Asking, Revealed, Problem))
            {
                Changed?.Invoke();
            }
        }
    }

    /// <summary>Waits for a new view (true) or the next heartbeat (false).</summary>
    private async Task<bool> WaitAsync(CancellationToken stop)
    {
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(stop);
        beat.CancelAfter(_options.Heartbeat);
        try
        {
            return await _wake.Reader.ReadAsync(beat.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task PublishAsync(bool changed)
    {
        PresentedView? view;
        lock (_gate)
        {
            view = _view;
        }

        if (view is null)
        {
            return;
        }

        Frame? frame = changed ? FrameOf(view.Session) : null;
        _lastFrame = frame ?? _lastFrame;
        var presented = new PresentedFrame(Code, ShortCode, Interlocked.Increment(ref _version), view.Path, view.Query, view.Step, PresentedFrame.Live, Now, _lastFrame);
        await _store.PublishAsync(presented, _options.Grace).ConfigureAwait(false);
        // A heartbeat carries no frame: hub followers already have it.
        await _sender.SendAsync(frame is null ? presented with { Frame = null } : presented).ConfigureAwait(false);
    }

    private Frame? FrameOf(SimulationSession session)
    {
        if (!ReferenceEquals(session, _framedSession))
        {
            (_framedSession, _cursor) = (session, new FrameCursor());
        }

        try
        {
            return session.BuildFrame(_cursor);
        }
        catch (ObjectDisposedException)
        {
            return null; // the presenter's page closed that session as it opened another
        }
    }

    private void OnSignal(PresentationSignal signal)
    {
        if (signal.AnsweredStep is not null)
        {
            _ = RefreshAndTellAsync();
        }
    }

    private async Task RefreshAndTellAsync()
    {
        try
        {
            await RefreshAnswersAsync().ConfigureAwait(false);
            Changed?.Invoke();
        }
        catch (PresentingUnavailableException e)
        {
            Problem = e.Message;
        }
    }

    private async Task RefreshAnswersAsync()
    {
        if (_view is not { } view)
        {
            return;
        }

        int step = view.Step;
        Asking = QuizTally.Of(step + 1, await _store.AnswersAsync(Code, step + 1).ConfigureAwait(false));
        Revealed = step > 0 ? QuizTally.Of(step, await _store.AnswersAsync(Code, step).ConfigureAwait(false)) : null;
    }
}
