namespace BufferLab.Simulator.Engine.Systems.StratumV2;

/// <summary>
/// What a <see cref="BufferPool"/> reports while it works, for telemetry. Upstream has no such
/// hook (only `debug` println tracing); calls happen at the points those printlns mark.
/// </summary>
public interface IBufferPoolObserver
{
    /// <summary>A mode transition, with the edge number of the state machine in the spec (section 1.5).</summary>
    void ModeChanged(PoolMode fromMode, PoolMode toMode, int edge, byte sharedState, int requested);

    /// <summary>The `ss == 0` reset at the start of get_writable (edge 13).</summary>
    void PoolReset(PoolMode fromMode, PoolMode toMode, int carriedBytes);

    /// <summary>In-progress bytes copied: within the pool, pool to heap, or heap to pool.</summary>
    void BytesMoved(int bytes, BytesMoveKind kind, int fromOffset, int toOffset);

    /// <summary>A chunk written to the heap buffer instead of the pool.</summary>
    void HeapWrite(int bytes);
}
