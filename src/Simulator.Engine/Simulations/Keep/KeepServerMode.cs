using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>Which keepstore serves the workload.</summary>
public enum KeepServerMode
{
    /// <summary>Today's streaming keepstore: request limiter with a priority queue, buffer pool, streamWriterAt.</summary>
    Current,

    /// <summary>The 2017 keepstore (0f644e242e): MaxRequests semaphore with immediate 503, whole-block reads.</summary>
    Legacy,

    /// <summary>Today's request path with Feature #10541's hash-tagged shared buffers in place of the pool.</summary>
    Coalescing,
}
