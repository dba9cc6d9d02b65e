using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>Where a request is in its lane.</summary>
public enum RequestPhase
{
    Arrived,

    /// <summary>In the request limiter's queue.</summary>
    Queued,

    /// <summary>Admitted, blocked for a buffer.</summary>
    WaitingForBuffer,

    /// <summary>Reading the block from a volume into its buffer (filling it, for #10541).</summary>
    Filling,

    /// <summary>#10541: sharing another request's fetch, waiting for its bytes.</summary>
    Joined,

    /// <summary>Sending the rest of the block to the client.</summary>
    Streaming,

    /// <summary>PUT: receiving the body.</summary>
    Receiving,

    /// <summary>PUT: writing the block to a volume.</summary>
    Writing,

    Done,
}
