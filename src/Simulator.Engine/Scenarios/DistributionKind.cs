namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>How a <see cref="Distribution"/> picks a value.</summary>
public enum DistributionKind
{
    Uniform,
    Zipf,
    Fixed,
    List,
}
