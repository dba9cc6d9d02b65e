using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>The one throttle between a session's change signals and the page or the hub's frames.</summary>
public sealed class ChangeThrottleTests
{
    [Fact]
    public async Task ABurstOfSignalsIsDeliveredOnceNowAndOnceAfterTheInterval()
    {
        int deliveries = 0;
        using var throttle = new ChangeThrottle(() =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.CompletedTask;
        });

        for (int i = 0; i < 1_000; i++)
        {
            throttle.Signal();
        }

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref deliveries) == 2, TimeSpan.FromSeconds(5)), $"{deliveries} deliveries");
        await Task.Delay(ChangeThrottle.Interval * 4);
        Assert.Equal(2, Volatile.Read(ref deliveries)); // the first signal at once, the 999 others coalesced into one
    }

    [Fact]
    public async Task ADisposedSubscriptionDeliversNothingMore()
    {
        Action? handlers = null;
        int deliveries = 0;
        var subscription = new ChangeSubscription(a => handlers += a, a => handlers -= a, () =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.CompletedTask;
        });
        handlers!.Invoke();
        handlers.Invoke(); // pending: due one interval later
        subscription.Dispose();

        await Task.Delay(ChangeThrottle.Interval * 4);
        Assert.Null(handlers);
        Assert.Equal(1, Volatile.Read(ref deliveries));
    }
}
