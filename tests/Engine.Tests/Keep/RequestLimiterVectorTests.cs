using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Systems.Keep;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K6-K9: sdk/go/httpserver/request_limiter.go.</summary>
public class RequestLimiterVectorTests
{
    private static (RequestLimiter Limiter, List<string> Decided) Limiter(int maxConcurrent, int maxQueue)
    {
        var decided = new List<string>();
        var limiter = new RequestLimiter(maxConcurrent, maxQueue, t => decided.Add($"{t.Owner}:{t.State}"));
        return (limiter, decided);
    }

    private static TimeSpan T(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void K6_TheNewestOfEqualPriorityIsTrimmedAndTheOldestQueuedRunsNext()
    {
        var (limiter, decided) = Limiter(2, 1);
        LimiterTicket a = limiter.Enqueue("A", 0, T(0)), b = limiter.Enqueue("B", 0, T(1));
        LimiterTicket c = limiter.Enqueue("C", 0, T(2)), d = limiter.Enqueue("D", 0, T(3));

        Assert.Equal(LimiterTicketState.Ready, a.State);
        Assert.Equal(LimiterTicketState.Ready, b.State);
        Assert.Equal(LimiterTicketState.Queued, c.State);
        Assert.Equal(LimiterTicketState.Rejected, d.State);
        limiter.Done(); // A finishes
        Assert.Equal(LimiterTicketState.Ready, c.State);
        Assert.Equal(["D:Rejected", "C:Ready"], decided);
    }

    [Fact]
    public void K7_AHigherPriorityArrivalPushesOutTheLowerPriorityEntry()
    {
        var (limiter, decided) = Limiter(2, 1);
        limiter.Enqueue("A", 0, T(0));
        limiter.Enqueue("B", 0, T(1));
        LimiterTicket c = limiter.Enqueue("C", 0, T(2)), d = limiter.Enqueue("D", 1, T(3));

        Assert.Equal(LimiterTicketState.Rejected, c.State);
        limiter.Done();
        Assert.Equal(LimiterTicketState.Ready, d.State);
        Assert.Equal(["C:Rejected", "D:Ready"], decided);
    }

    [Fact]
    public void K8_WithNoQueueEveryRequestPastTheLimitIsRejectedAtOnce()
    {
        var (limiter, _) = Limiter(2, 0);
        limiter.Enqueue("A", 0, T(0));
        limiter.Enqueue("B", 0, T(0));

        Assert.All(Enumerable.Range(0, 5).Select(i => limiter.Enqueue($"X{i}", 0, T(1))), t => Assert.Equal(LimiterTicketState.Rejected, t.State));
        Assert.Equal(0, limiter.Queued);
        Assert.Equal(2, limiter.Handling);
    }

    [Fact]
    public void K9_AQueuedRequestWhoseClientLeavesIsRemovedAndAnswered503()
    {
        var (limiter, _) = Limiter(1, 4);
        limiter.Enqueue("A", 0, T(0));
        LimiterTicket b = limiter.Enqueue("B", 0, T(1));
        limiter.Cancel(b);

        Assert.Equal(LimiterTicketState.Rejected, b.State);
        Assert.Equal(0, limiter.Queued);

        // Through the whole server: B queues behind a slow GET, its client leaves after 5 ms.
        var run = new KeepHarness(KeepHarness.Teaching(KeepServerMode.Current) with { MaxConcurrentRequests = 1, MaxQueuedRequests = 4 })
            .Get(0, 0).Get(1, 0, disconnectAfterMs: 5).Execute();
        Assert.Equal(503, run.Response(2).Status);
        Assert.Contains(run.Events<RequestQueued>(), e => e.Request == 2);
        Assert.DoesNotContain(run.Events<RequestStarted>(), e => e.Request == 2);
        Assert.Equal(200, run.Response(1).Status);
    }
}
