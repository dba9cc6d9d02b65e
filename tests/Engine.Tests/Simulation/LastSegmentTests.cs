using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

/// <summary>An actor's last segment that does something is a step of its own; one that does nothing is none.</summary>
public sealed class LastSegmentTests
{
    [Fact]
    public void AFailureInAnActorsLastSegmentIsTheStepTheRunStopsAt()
    {
        using var run = new Run(new Script(("worker", [Work.Log, Work.Log, Work.Fail])), 1);

        run.RunToEnd();

        Assert.Equal(3, run.Step);
        Assert.True(run.IsFinished);
        Assert.Equal("failed", run.Model.Failure);
        Assert.Equal([1, 2], run.Events.Events.Select(e => e.Step)); // the failure, in the last segment, is step 3
    }

    [Fact]
    public void WhatALastSegmentLogsIsItsOwnStepNotTheNextActors()
    {
        using var run = new Run(new Script(("first", [Work.Log, Work.Log]), ("second", [Work.Wait, Work.Wait, Work.Log])), 1);

        run.RunToEnd();

        // t=0 first logs (step 1); t=1 second waits (2); t=10 first logs in its last segment (3);
        // t=11 second waits (4); t=21 second logs in its last segment (5). Before, a last segment
        // folded into the next one: second's log was stamped 4 and the run ended at step 3.
        Assert.Equal(5, run.Step);
        Assert.Equal([("first", 1), ("first", 3), ("second", 5)], run.Events.Events.Select(e => (((Logged)e.Event).Actor, e.Step)));
    }

    [Fact]
    public void ALastSegmentThatDoesNothingIsNoStep()
    {
        using var run = new Run(new Script(("worker", [Work.Log, Work.Wait, Work.Nothing])), 1);

        run.RunToEnd();

        Assert.Equal(2, run.Step); // the log, the wait; the empty end adds no step
    }

    private enum Work
    {
        Log,
        Wait,
        Fail,
        Nothing,
    }

    private sealed record Logged(string Actor) : SimEvent;

    /// <summary>Actors that each do their list of work, one item per segment; the last item is the actor's last segment.</summary>
    private sealed class Script(params (string Actor, Work[] Work)[] actors) : IScenario
    {
        public string Name => "last-segment";

        public string System => "test";

        public string Title => Name;

        public string Description => "";

        public ISimulationModel Build(RunContext context)
        {
            var model = new Model();
            for (int i = 0; i < actors.Length; i++)
            {
                context.Scheduler.Spawn(actors[i].Actor, Body(context, model, actors[i].Actor, actors[i].Work), TimeSpan.FromMicroseconds(i));
            }

            return model;
        }

        private static IEnumerable<TimeSpan> Body(RunContext context, Model model, string actor, Work[] work)
        {
            for (int i = 0; i < work.Length; i++)
            {
                switch (work[i])
                {
                    case Work.Log:
                        context.Emit(new Logged(actor));
                        break;
                    case Work.Fail:
                        model.Failure = "failed";
                        break;
                }

                if (i < work.Length - 1)
                {
                    yield return TimeSpan.FromMicroseconds(10);
                }
            }
        }
    }

    private sealed class Model : ISimulationModel
    {
        public string System => "test";

        public string? Failure { get; set; }

        public object Snapshot() => new();

        public string Summary() => "";

        public IReadOnlyList<MetricValue> Metrics() => [];
    }
}
