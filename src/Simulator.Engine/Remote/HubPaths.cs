namespace BufferLab.Simulator.Engine.Remote;

/// <summary>Where the dashboard serves its hubs: one constant for the hub and its .NET clients (the CLI's remote, the load harness).</summary>
public static class HubPaths
{
    public const string Simulation = "/hubs/simulation";

    /// <summary>The hub message a presentation's followers receive (a <see cref="PresentedFrame"/>).</summary>
    public const string Presented = "Presented";
}
