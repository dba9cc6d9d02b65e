using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>K17-K21: golang.org/x/sync/singleflight semantics, with real threads.</summary>
public class SingleflightVectorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static void WaitForDups(SingleflightGroup<int> group, string key, int dups)
    {
        Assert.True(SpinWait.SpinUntil(() => group.DupsOf(key) == dups, Timeout), $"{dups} callers did not join");
    }

    [Fact]
    public async Task K17_OverlappingCallsRunFnOnceAndAllSeeShared()
    {
        var group = new SingleflightGroup<int>();
        using var release = new ManualResetEventSlim();
        int runs = 0;
        int Fn()
        {
            Interlocked.Increment(ref runs);
            release.Wait(Timeout);
            return 42;
        }

        Task<SingleflightResult<int>> a = Task.Run(() => group.Do("k", Fn));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref runs) == 1, Timeout));
        Task<SingleflightResult<int>> b = Task.Run(() => group.Do("k", Fn)), c = Task.Run(() => group.Do("k", Fn));
        WaitForDups(group, "k", 2);
        release.Set();

        Assert.All(await Task.WhenAll(a, b, c), r => Assert.Equal(new SingleflightResult<int>(42, null, true), r));
        Assert.Equal(1, runs);
    }

    [Fact]
    public void K18_ConsecutiveCallsRunFnAgainAndAreNotShared()
    {
        var group = new SingleflightGroup<int>();
        int runs = 0;

        SingleflightResult<int> first = group.Do("k", () => ++runs), second = group.Do("k", () => ++runs);

        Assert.Equal(new SingleflightResult<int>(1, null, false), first);
        Assert.Equal(new SingleflightResult<int>(2, null, false), second);
    }

    [Fact]
    public async Task K19_ForgetLetsTheNextCallRunWhileTheFirstGoesOnUnaffected()
    {
        var group = new SingleflightGroup<int>();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        Task<SingleflightResult<int>> a = Task.Run(() => group.Do("k", () => { started.Set(); release.Wait(Timeout); return 1; }));
        Assert.True(started.Wait(Timeout));
        group.Forget("k");

        SingleflightResult<int> b = group.Do("k", () => 2);
        release.Set();

        Assert.Equal(new SingleflightResult<int>(2, null, false), b);
        Assert.Equal(new SingleflightResult<int>(1, null, false), await a);
    }

    [Fact]
    public async Task K20_AnErrorGoesToEveryCaller()
    {
        var group = new SingleflightGroup<int>();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var error = new IOException("E");
        int Fn()
        {
            started.Set();
            release.Wait(Timeout);
            throw new SingleflightErrorException(error);
        }

        Task<SingleflightResult<int>> a = Task.Run(() => group.Do("k", Fn));
        Assert.True(started.Wait(Timeout));
        Task<SingleflightResult<int>> b = Task.Run(() => group.Do("k", Fn)), c = Task.Run(() => group.Do("k", Fn));
        WaitForDups(group, "k", 2);
        release.Set();

        Assert.All(await Task.WhenAll(a, b, c), r => Assert.Same(error, r.Error));
    }

    [Fact]
    public async Task K21_APanicReachesTheOriginatorAndEveryWaiterAsTheSamePanicError()
    {
        var group = new SingleflightGroup<int>();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        int Fn()
        {
            started.Set();
            release.Wait(Timeout);
            throw new InvalidOperationException("boom");
        }

        Task<SingleflightResult<int>> a = Task.Run(() => group.Do("k", Fn));
        Assert.True(started.Wait(Timeout));
        Task<SingleflightResult<int>> b = Task.Run(() => group.Do("k", Fn)), c = Task.Run(() => group.Do("k", Fn));
        WaitForDups(group, "k", 2);
        release.Set();

        var errors = new List<SingleflightPanicException>();
        foreach (Task<SingleflightResult<int>> call in new[] { a, b, c })
        {
            errors.Add(await Assert.ThrowsAsync<SingleflightPanicException>(() => call));
        }

        Assert.All(errors, e => Assert.Same(errors[0], e));
        Assert.Equal("boom", ((Exception)errors[0].Value).Message);
    }

    [Fact]
    public async Task DoChanDeliversOneSharedResultPerCaller()
    {
        var group = new SingleflightGroup<int>();
        using var release = new ManualResetEventSlim();
        var first = group.DoChan("k", () => { release.Wait(Timeout); return 5; });
        var second = group.DoChan("k", () => 6);
        release.Set();

        Assert.Equal(new SingleflightResult<int>(5, null, true), await first.ReadAsync());
        Assert.Equal(new SingleflightResult<int>(5, null, true), await second.ReadAsync());
        Assert.False(first.Completion.IsCompleted); // never closed, as in Go
    }

    [Fact]
    public void APanicWithDoChanWaitersCannotBeRecovered()
    {
        using var crashed = new ManualResetEventSlim();
        SingleflightPanicException? seen = null;
        var group = new SingleflightGroup<int> { Unrecoverable = e => { seen = e; crashed.Set(); } };
        var reader = group.DoChan("k", () => throw new InvalidOperationException("boom"));

        Assert.True(crashed.Wait(Timeout));
        Assert.Equal("boom", seen!.InnerException!.Message);
        Assert.False(reader.TryRead(out _));
    }
}
