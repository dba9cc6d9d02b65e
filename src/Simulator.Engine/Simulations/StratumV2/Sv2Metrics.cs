using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>Counters of one BufferPool run (spec section 1.11).</summary>
public sealed class Sv2Metrics
{
    public long PoolMessagesBack { get; internal set; }

    public long PoolMessagesFront { get; internal set; }

    public long HeapMessages { get; internal set; }

    public long HeapBytesWritten { get; internal set; }

    public long BytesMoved { get; internal set; }

    public long Resets { get; internal set; }

    public long ModeChanges { get; internal set; }

    public long InvariantViolations { get; internal set; }

    public long PoolMessages => PoolMessagesBack + PoolMessagesFront;
}
