using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Tests.Checkpoints;

/// <summary>
/// Proves time travel exact: every preset's run is sent to seeded random steps, backward and
/// forward, through checkpoints, and at each stop its whole state (every field of the model, the
/// actors mid-body, the random streams, the clock, the scheduler's queue) and its event log equal
/// those of a run that only ever stepped forward from 0.
/// </summary>
public sealed class CheckpointEqualityTests
{
    private const int Stops = 6;

    public static TheoryData<string> Presets => [.. ScenarioCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void EverySeekThroughCheckpointsEqualsAReplayFromStepZero(string name)
    {
        IScenario preset = ScenarioCatalog.Find(name)!;
        int last = LastStep(preset);
        using var travelled = new Run(preset, 1, checkpoints: CheckpointBudget.Default);
        using var replayed = new Run(preset, 1);
        var random = new SeededRandom(StableHash.Of(name));
        travelled.SeekTo(last); // every checkpoint on the way, as a viewer pressing End makes them

        // The replay only goes forward, so the stops are visited in order; before each one the
        // travelled run goes somewhere else first, before or after it, so it arrives by a restore
        // from behind or from ahead of the stop.
        foreach (int stop in Enumerable.Range(0, Stops).Select(_ => random.NextInt(last + 1)).Append(last).Order())
        {
            travelled.SeekTo(random.NextInt(last + 1));
            travelled.SeekTo(stop);
            replayed.SeekTo(stop);

            AssertSame(replayed, travelled, $"{name} at step {stop}");
        }
    }

    [Fact]
    public void ATruncatedFileIsPutBackWhenTheRunGoesBackToBeforeTheTruncation()
    {
        IScenario preset = ScenarioCatalog.Find("filestore-truncated-file")!;
        using var travelled = new Run(preset, 1, checkpoints: CheckpointBudget.Default);
        travelled.RunToEnd();
        int truncated = travelled.Events.Events.First(e => e.Name == "FileTruncated").Step;
        using var replayed = new Run(preset, 1);

        foreach (int stop in new[] { truncated - 40, truncated + 5, travelled.Step })
        {
            travelled.SeekTo(travelled.Step > stop ? 0 : stop); // back to before the truncation, then across it again
            travelled.SeekTo(stop);
            replayed.SeekTo(stop);
            AssertSame(replayed, travelled, $"step {stop}");
        }
    }

    [Fact]
    public void ABudgetTooSmallForEveryCheckpointKeepsFewerAndStaysExact()
    {
        IScenario preset = ScenarioCatalog.Find("random-long")!;
        var budget = new CheckpointBudget(256 << 10, 16);
        using var travelled = new Run(preset, 1, checkpoints: budget);
        travelled.RunToEnd();

        Assert.InRange(travelled.Checkpoints.Bytes, 1, budget.Bytes);
        Assert.True(travelled.Checkpoints.Interval > budget.Interval, "the budget thinned the checkpoints and widened the interval");
        Assert.True(travelled.Checkpoints.Dropped > 0);

        using var replayed = new Run(preset, 1);
        replayed.SeekTo(travelled.Step / 3);
        travelled.SeekTo(travelled.Step / 3);
        AssertSame(replayed, travelled, "a third of the way");
    }

    internal static void AssertSame(Run expected, Run actual, string where)
    {
        Assert.Equal(expected.Step, actual.Step);
        string? difference = StateComparer.FirstDifference(expected.State, actual.State);
        Assert.True(difference is null, $"{where}: {difference}");
        Assert.True(expected.Events.Sha256() == actual.Events.Sha256(), $"{where}: the event logs differ");
    }

    private static int LastStep(IScenario preset)
    {
        using var run = new Run(preset, 1);
        run.RunToEnd();
        return run.Step;
    }
}
