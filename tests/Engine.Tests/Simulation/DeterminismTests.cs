using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

/// <summary>A run is a pure function of (engine, scenario, seed): same seed, same log byte for byte.</summary>
public class DeterminismTests
{
    private static Run RunToEnd(string preset, ulong seed)
    {
        var run = new Run(ScenarioCatalog.Find(preset)!, seed);
        run.RunToEnd();
        return run;
    }

    [Fact]
    public void SameSeedGivesAByteIdenticalEventLog()
    {
        Run first = RunToEnd("random", 7);
        Run second = RunToEnd("random", 7);

        Assert.True(first.Step > 300, $"the random workload should take many steps, took {first.Step}");
        Assert.Equal(first.Events.ToJsonLines(), second.Events.ToJsonLines());
        Assert.Equal(first.Events.Sha256(), second.Events.Sha256());
    }

    [Fact]
    public void DifferentSeedGivesADifferentEventLog()
    {
        Assert.NotEqual(RunToEnd("random", 7).Events.Sha256(), RunToEnd("random", 8).Events.Sha256());
    }

    [Fact]
    public void SeekingBackReplaysToExactlyTheSameState()
    {
        var run = new Run(ScenarioCatalog.Find("random")!, 11);
        run.SeekTo(150);
        string atStep150 = run.Events.ToJsonLines();
        object snapshot = run.Model.Snapshot();

        run.RunToEnd();
        run.SeekTo(150);

        Assert.Equal(150, run.Step);
        Assert.Equal(atStep150, run.Events.ToJsonLines());
        Assert.Equal(snapshot.ToString(), run.Model.Snapshot().ToString());
    }

    [Fact]
    public void ResetReturnsToStepZero()
    {
        Run run = RunToEnd("readme-case3", 1);
        run.Reset();

        Assert.Equal(0, run.Step);
        Assert.False(run.IsFinished);
        Assert.Equal(0, run.Events.Count);
    }

    [Fact]
    public void APanicStopsTheRunAtThatStep()
    {
        Run run = RunToEnd("bug-b5-panic", 1);

        Assert.Equal(26, run.Step);
        Assert.Equal("index out of bounds: the len is 8 but the index is 8", run.Model.Failure);
        Assert.False(run.StepOnce());
        Assert.Equal("InvariantViolated", run.Events.Events[^1].Name);
    }
}
