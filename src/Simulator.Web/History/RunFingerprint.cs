using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.History;

/// <summary>What names a run's behaviour: the SHA-256 of its whole event log, from a fresh run of the scenario and seed to its end (the runner's hash, and a session's at its last step).</summary>
public static class RunFingerprint
{
    public static string EventLogSha256(IScenario scenario, ulong seed)
    {
        using var run = new Run(scenario.ForEventLog(), seed, SimulationSession.MaxSteps); // the pages' bound, so the same log as theirs
        run.RunToEnd();
        return run.Events.Sha256();
    }
}
