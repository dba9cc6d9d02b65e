namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// When the step after each step reached so far is due on the virtual clock (none at the end), so
/// a seek by time finds its step without replaying: the step a replay from 0 would stop at is the
/// first one whose next step is due after the time. Recorded like <see cref="MetricHistory"/>: once per step.
/// </summary>
public sealed class StepDueTimes
{
    private readonly List<long> _nextDueTicks = []; // long.MaxValue: no next step

    /// <summary>Steps recorded: 0 .. Count - 1.</summary>
    public int Count => _nextDueTicks.Count;

    public void Record(int step, TimeSpan? nextDue)
    {
        if (step == _nextDueTicks.Count)
        {
            _nextDueTicks.Add(nextDue?.Ticks ?? long.MaxValue); // else already recorded (steps are deterministic)
        }
    }

    /// <summary>The first step recorded whose next step is due after <paramref name="time"/> (or that has none); null when every step recorded has its next one due by then.</summary>
    public int? FirstAfter(TimeSpan time)
    {
        // A plain scan: at most SimulationSession.MaxSteps longs, and it assumes nothing about the clock's order.
        for (int step = 0; step < _nextDueTicks.Count; step++)
        {
            if (_nextDueTicks[step] > time.Ticks)
            {
                return step;
            }
        }

        return null;
    }
}
