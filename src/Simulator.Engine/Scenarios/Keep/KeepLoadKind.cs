namespace BufferLab.Simulator.Engine.Scenarios.Keep;

public enum KeepLoadKind
{
    /// <summary>"Job start": every client fetches the listed blocks in turn, all starting within a short spread.</summary>
    Herd,

    /// <summary>N clients, each sending its requests one after another with a think time between.</summary>
    Closed,

    /// <summary>Requests arrive at a rate (Poisson) for a duration, whatever the server does.</summary>
    Open,
}
