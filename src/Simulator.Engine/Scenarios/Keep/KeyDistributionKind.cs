namespace BufferLab.Simulator.Engine.Scenarios.Keep;

public enum KeyDistributionKind
{
    Uniform,
    Zipf,
    List,
}
