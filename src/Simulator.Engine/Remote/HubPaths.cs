namespace BufferLab.Simulator.Engine.Remote;

/// <summary>Where the dashboard serves its hubs: one constant for the hub and its .NET clients (the CLI's remote, the load harness).</summary>
public static class HubPaths
{
    public const string Simulation = "/hubs/simulation";
}
