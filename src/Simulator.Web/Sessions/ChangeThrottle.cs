namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// The one throttle between a session's change signals (the play loop may raise thousands a
/// second) and whoever shows them, a page or the hub's frame stream: signals are coalesced into at
/// most one delivery per <see cref="Interval"/>, and a delivery still running absorbs the signals
/// that arrive meanwhile. Wall-clock time here paces the screen only, never the simulation.
/// </summary>
public sealed class ChangeThrottle(Func<Task> deliver) : IDisposable
{
    /// <summary>About 30 deliveries a second: what a person can see, and what a browser redraws without falling behind.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(33);

    private readonly CancellationTokenSource _stop = new();
    private int _queued;
    private long _lastTicks;

    public void Signal()
    {
        if (_stop.IsCancellationRequested || Interlocked.Exchange(ref _queued, 1) == 1)
        {
            return;
        }

        _ = DeliverAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task DeliverAsync()
    {
        try
        {
            TimeSpan wait = Interval - TimeSpan.FromTicks(DateTime.UtcNow.Ticks - Interlocked.Read(ref _lastTicks));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
            }

            Interlocked.Exchange(ref _queued, 0);
            Interlocked.Exchange(ref _lastTicks, DateTime.UtcNow.Ticks);
            await deliver().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // disposed while waiting: the subscriber is gone
        }
        catch (ObjectDisposedException)
        {
            // disposed between the check and the wait
        }
    }
}
