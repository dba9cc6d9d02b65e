using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>The runs a presentation's followers on one instance share: one session per workload and seed, closed with the last page that lets go.</summary>
public sealed class SharedSessionTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void PagesOfOneGroupShareARunAndItClosesWithTheLast()
    {
        SimulationSession first = _registry.OpenShared("code-1", new ScenarioRequest("readme-case3"), 1);
        SimulationSession second = _registry.OpenShared("code-1", new ScenarioRequest("readme-case3"), 1);
        int open = _registry.Count;

        _registry.Release(first);
        int afterOne = _registry.Count;
        _registry.Release(second);

        Assert.Same(first, second);
        Assert.Equal(1, open);
        Assert.Equal(1, afterOne);
        Assert.Equal(0, _registry.Count);
        Assert.True(first.Closed.IsCancellationRequested);
    }

    [Fact]
    public void AnotherSeedWorkloadOrGroupIsAnotherRun()
    {
        SimulationSession shared = _registry.OpenShared("code-1", new ScenarioRequest("readme-case3"), 1);

        Assert.NotSame(shared, _registry.OpenShared("code-1", new ScenarioRequest("readme-case3"), 2));
        Assert.NotSame(shared, _registry.OpenShared("code-1", new ScenarioRequest("readme-case3").With("variant", "fixed"), 1));
        Assert.NotSame(shared, _registry.OpenShared("code-2", new ScenarioRequest("readme-case3"), 1));
        Assert.NotSame(shared, _registry.Open("page:someone", new ScenarioRequest("readme-case3"), 1));
        Assert.Equal(5, _registry.Count);
    }

    [Fact]
    public void AFollowerSeekingTheSharedRunMovesEveryFollowersView()
    {
        SimulationSession mine = _registry.OpenShared("code-1", new ScenarioRequest("readme-case3"), 1);
        SimulationSession theirs = _registry.OpenShared("code-1", new ScenarioRequest("readme-case3"), 1);

        mine.Seek(9);

        Assert.Equal(9, theirs.Read(run => run.Step));
    }

    public void Dispose() => _registry.Dispose();
}
