using BufferLab.Simulator.Web.Components.Systems.Fuse;
using BufferLab.Simulator.Web.Components.Systems.Keep;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>A prerendered page's sessions go to its circuit's view instead of being built twice.</summary>
public sealed class SessionHandoffTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private static Dictionary<string, string?> Query(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void TheCircuitsViewGoesOnWithThePrerenderedRunsAtTheirStep()
    {
        var query = Query(("scenario", "fuse-large-write-4m"), ("mode", "vectored"), ("compare", "contiguous-large"), ("step", "6"));
        var prerendered = new FuseViewModel(_registry);
        prerendered.Load(query);
        (string main, string compare) = (prerendered.Session!.Id, prerendered.CompareSession!.Id);

        string token = prerendered.HandOver()!;
        prerendered.Dispose(); // the prerender's request ends: the handed-over sessions stay
        Assert.Equal(2, _registry.Count);

        using var live = new FuseViewModel(_registry);
        live.TakeOver(token);
        live.Load(query);
        live.ReleaseUnclaimed();

        Assert.Equal((main, compare), (live.Session!.Id, live.CompareSession!.Id));
        Assert.Equal(6, live.Step);
        Assert.Equal(2, _registry.Count);
    }

    [Fact]
    public void WhatTheCircuitDoesNotOpenAgainIsClosedAndATokenWorksOnce()
    {
        var prerendered = new KeepViewModel(_registry);
        prerendered.Load(Query(("mode", "current"), ("compare", "coalescing")));
        string token = prerendered.HandOver()!;
        prerendered.Dispose();

        using var live = new KeepViewModel(_registry);
        live.TakeOver(token);
        live.Load(Query(("mode", "legacy"))); // another choice than the prerender's: nothing to reuse
        live.ReleaseUnclaimed();

        Assert.Equal(1, _registry.Count);
        Assert.Equal("legacy", live.Mode);

        using var other = new KeepViewModel(_registry);
        other.TakeOver(token); // already taken: nothing moves
        Assert.Equal(1, _registry.Count);
    }

    [Fact]
    public void AViewWithNoSessionsHandsNothingOver()
    {
        using var empty = new KeepViewModel(_registry);

        Assert.Null(empty.HandOver());
    }

    public void Dispose() => _registry.Dispose();
}
