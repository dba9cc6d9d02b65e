using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>The load models of a keep phase.</summary>
public enum KeepLoadKind
{
    /// <summary>N clients, each sending its requests one after another with a think time between; they start within a spread (a herd when it is short).</summary>
    Closed,

    /// <summary>Requests arrive at a rate (Poisson) for a duration, whatever the server does.</summary>
    Open,

    /// <summary>An explicit op string: one client per op, <see cref="KeepLoad.IntervalMs"/> apart.</summary>
    Ops,
}
