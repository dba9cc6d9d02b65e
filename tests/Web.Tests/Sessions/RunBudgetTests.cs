using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>A run's cost is worked out from its scenario before anything is built; too much for a session or for the server is a refusal that says what to lower.</summary>
public sealed class RunBudgetTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    [Fact]
    public void ASmallKeepFileAskingForGigabytesIsRefusedBeforeAnythingIsBuilt()
    {
        string yaml = "name: big\ndescription: d\nsystem: keep\noptions:\n  scale: 1\n  blocks: 127\n  maxBuffers: 4\nphases:\n  - load: closed\n    clients: 1\n    requestsPerClient: 1\n";
        long before = GC.GetTotalAllocatedBytes();

        var refused = Assert.Throws<SessionRequestException>(() => _registry.Open("alice", new ScenarioRequest(null, Yaml: yaml), 1));

        Assert.Equal("this run would take 8.2 GiB of memory; a session may take at most 1 GiB: raise options.scale, or lower options.blocks or options.maxBuffers", refused.Message);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 64 << 20, "blocks were built before the refusal");
        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public void EveryPresetFitsASession()
    {
        foreach (var preset in Engine.Scenarios.ScenarioCatalog.All)
        {
            RunCost cost = RunBudget.Check(preset);
            Assert.True(cost.MemoryBytes <= RunBudget.MaxSessionMemory && cost.DiskBytes <= RunBudget.MaxSessionDisk, preset.Name);
        }
    }

    [Fact]
    public void TheOpenSessionsTogetherHaveALimitToo()
    {
        var cost = new RunCost(RunBudget.MaxSessionMemory, 0, "lower options.blocks");

        RunBudget.CheckServer(cost, RunBudget.MaxServerMemory - RunBudget.MaxSessionMemory, 0);
        var refused = Assert.Throws<SessionRequestException>(() => RunBudget.CheckServer(cost, RunBudget.MaxServerMemory - RunBudget.MaxSessionMemory + 1, 0));

        Assert.StartsWith("this run would take 6 GiB of memory with the sessions open now; the server's sessions together may take at most 6 GiB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusalQuotesAHugeIdOnlyInPart()
    {
        var refused = Assert.Throws<SessionRequestException>(() => _registry.Get(new string('x', 2_000_000), "alice"));

        Assert.True(refused.Message.Length < 200, refused.Message);
        Assert.Contains("(2000000 characters)", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _registry.Dispose();
}
