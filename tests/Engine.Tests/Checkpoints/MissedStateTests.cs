using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Checkpoints;

/// <summary>
/// The equality check fails when a checkpoint misses state: a model whose counter lives in an
/// object checkpoints share (as a socket or a file is shared) and that does not put it back is
/// caught, by the field's path; the same model with the counter in its own state passes.
/// </summary>
public sealed class MissedStateTests
{
    [Fact]
    public void StateACheckpointSharesAndNobodyRestoresIsFoundByItsPath()
    {
        string? difference = DifferenceAfterGoingBack(shareTheCounter: true);

        Assert.NotNull(difference);
        Assert.Contains("_outside.<Count>k__BackingField: 9 ≠ 29", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameStateInTheModelsOwnObjectsIsRestored()
    {
        Assert.Null(DifferenceAfterGoingBack(shareTheCounter: false));
    }

    [Fact]
    public void AMissedFieldAlsoShowsInTheEventLogAfterTheRestore()
    {
        var scenario = new CountingScenario(shareTheCounter: true);
        using var travelled = new Run(scenario, 1, checkpoints: new CheckpointBudget(1 << 20, 4));
        travelled.SeekTo(20);
        travelled.SeekTo(9);
        travelled.SeekTo(12);
        using var replayed = new Run(scenario, 1);
        replayed.SeekTo(12);

        Assert.NotEqual(replayed.Events.Sha256(), travelled.Events.Sha256());
    }

    private static string? DifferenceAfterGoingBack(bool shareTheCounter)
    {
        var scenario = new CountingScenario(shareTheCounter);
        using var travelled = new Run(scenario, 1, checkpoints: new CheckpointBudget(1 << 20, 4));
        travelled.SeekTo(20);
        travelled.SeekTo(9); // restores step 0's checkpoint (a long seek takes them only near its target) and replays 9 steps: the shared counter goes on from 20
        using var replayed = new Run(scenario, 1);
        replayed.SeekTo(9);
        return StateComparer.FirstDifference(replayed.State, travelled.State);
    }

    private sealed record Counted(int Count) : SimEvent;

    /// <summary>A checkpoint shares it, as it shares a socket pair; a model that keeps state here must restore it itself.</summary>
    [CheckpointShared]
    private sealed class SharedCounter
    {
        public int Count { get; set; }
    }

    /// <summary>Copied by checkpoints like any object of the model.</summary>
    private sealed class OwnCounter
    {
        public int Count { get; set; }
    }

    private sealed class CountingScenario(bool shareTheCounter) : IScenario
    {
        public string Name => "counting";

        public string System => "test";

        public string Title => Name;

        public string Description => "";

        public ISimulationModel Build(RunContext context) => new CountingModel(context, shareTheCounter);
    }

    private sealed class CountingModel : ISimulationModel
    {
        private readonly SharedCounter? _outside;
        private readonly OwnCounter? _own;

        public CountingModel(RunContext context, bool shareTheCounter)
        {
            (_outside, _own) = shareTheCounter ? (new SharedCounter(), null) : ((SharedCounter?)null, new OwnCounter());
            context.Scheduler.Spawn("counter", Count(context));
        }

        public string System => "test";

        public string? Failure => null;

        public object Snapshot() => new();

        public string Summary() => "";

        public IReadOnlyList<MetricValue> Metrics() => [];

        private IEnumerable<TimeSpan> Count(RunContext context)
        {
            for (int i = 0; i < 30; i++)
            {
                context.Emit(new Counted(_outside is not null ? ++_outside.Count : ++_own!.Count));
                yield return TimeSpan.FromMicroseconds(1);
            }
        }
    }
}
