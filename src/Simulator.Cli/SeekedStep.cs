namespace BufferLab.Simulator.Cli;

/// <summary>Where `run --seek` stopped: the step asked for and the one reached (the run's last step when it ended first).</summary>
public sealed record SeekedStep(int Requested, int Reached)
{
    /// <summary>The run ended before the step asked for, so it stopped at its last step.</summary>
    public bool PastEnd => Reached < Requested;

    /// <summary>The line the text report starts its state with.</summary>
    public string Describe() => PastEnd
        ? $"step {Requested} is past the run's end; stopped at its last step, {Reached}"
        : $"step {Reached}";
}
