using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

public sealed class SessionRegistryTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void ASessionBelongsToItsOwner()
    {
        var session = _registry.Open("alice", new ScenarioRequest("readme-case1"), 1);

        Assert.Same(session, _registry.Get(session.Id, "alice"));
        var error = Assert.Throws<SessionRequestException>(() => _registry.Get(session.Id, "bob"));
        Assert.Contains("belongs to another connection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachOwnerMayHoldABoundedNumberOfSessions()
    {
        for (int i = 0; i < SessionRegistry.MaxSessionsPerOwner; i++)
        {
            _registry.Open("alice", new ScenarioRequest("readme-case1"), 1);
        }

        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest("readme-case1"), 1));
        Assert.Contains("the limit per connection", error.Message, StringComparison.Ordinal);
        Assert.Equal(SessionRegistry.MaxSessionsPerOwner, _registry.Count);

        _registry.CloseAll("alice");
        Assert.Equal(0, _registry.Count);
    }

    [Theory]
    [InlineData(null, null, null, null, "name a scenario")]
    [InlineData("nope", null, null, null, "unknown scenario 'nope'")]
    [InlineData(null, "+1:5 +1:5", null, null, "op string: op 2: '+1:5': slice 1 is already live")]
    [InlineData(null, "+1:5", 2_000_000, null, "capacity must be from 0 to 1048576 bytes")]
    [InlineData("readme-case1", null, null, "fast", "variant must be 'faithful' or 'fixed'")]
    public void BadRequestsAreRefusedWithWhatWasWrong(string? scenario, string? ops, int? capacity, string? variant, string message)
    {
        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest(scenario, ops, capacity).With("variant", variant), 1));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public void AnOverlongOpStringIsRefused()
    {
        string ops = string.Join(' ', Enumerable.Range(1, 3000).Select(i => $"+{i}:1 -{i}"));
        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest(null, ops), 1));
        Assert.Contains("at most 20000 are accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HubClientsCannotTakeThePagesRoom()
    {
        for (int owner = 0; owner < SessionRegistry.MaxSessions / SessionRegistry.MaxSessionsPerOwner; owner++)
        {
            for (int i = 0; i < SessionRegistry.MaxSessionsPerOwner; i++)
            {
                _registry.Open($"connection-{owner}", new ScenarioRequest("readme-case1"), 1);
            }
        }

        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("connection-x", new ScenarioRequest("readme-case1"), 1));
        Assert.Contains("64 hub sessions open", error.Message, StringComparison.Ordinal);
        Assert.NotNull(_registry.Open(SessionRegistry.PageOwnerPrefix + "1", new ScenarioRequest("readme-case1"), 1));
    }

    [Fact]
    public void AnOpStringThatWouldWriteGigabytesIsRefusedBeforeItRuns()
    {
        string ops = string.Join(' ', Enumerable.Repeat("w1:16777216", 200));
        var error = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest(null, ops), 1));
        Assert.Contains("more than 67108864 bytes in all", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _registry.Dispose();
}
