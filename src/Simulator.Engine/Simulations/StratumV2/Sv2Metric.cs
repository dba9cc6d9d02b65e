using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>The Stratum V2 pool's metrics (spec section 1.11), declared once.</summary>
public static class Sv2Metric
{
    public static readonly MetricDefinition PoolMessages = new("sv2.messages.pool", "{message}", "Messages handed out as pool slices");
    public static readonly MetricDefinition PoolMessagesBack = new("sv2.messages.pool.back", "{message}", "Pool messages handed out in Back mode");
    public static readonly MetricDefinition PoolMessagesFront = new("sv2.messages.pool.front", "{message}", "Pool messages handed out in Front mode");
    public static readonly MetricDefinition HeapMessages = new("sv2.messages.heap", "{message}", "Messages handed out as heap slices (Alloc mode)");
    public static readonly MetricDefinition HeapBytes = new("sv2.heap.bytes", "By", "Bytes written to the heap buffer");
    public static readonly MetricDefinition HeapAllocations = new("sv2.heap.allocations", "{allocation}", "Heap allocations by BufferFromSystemMemory");
    public static readonly MetricDefinition HeapAllocatedBytes = new("sv2.heap.allocated_bytes", "By", "Bytes of those heap allocations");
    public static readonly MetricDefinition BytesMoved = new("sv2.bytes_moved", "By", "In-progress bytes copied by move_raw, prepend and copy_into_buffer");
    public static readonly MetricDefinition Resets = new("sv2.resets", "{reset}", "Idle resets (ss == 0)");
    public static readonly MetricDefinition ModeChanges = new("sv2.mode_changes", "{change}", "Mode transitions");
    public static readonly MetricDefinition LiveSlices = new("sv2.live_slices", "{slice}", "Slices alive now");
    public static readonly MetricDefinition LivePoolBytes = new("sv2.live_pool_bytes", "By", "Pool bytes held by live slices");
    public static readonly MetricDefinition StuckInAlloc = new("sv2.stuck_in_alloc", "{bool}", "Alloc mode with back_start + len < 8: the pool cannot leave Alloc before a reset (bug B1)");
    public static readonly MetricDefinition InvariantViolations = new("sv2.invariant_violations", "{violation}", "Duplicate indexes, overlaps, corruptions and panics seen");

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        PoolMessages, PoolMessagesBack, PoolMessagesFront, HeapMessages, HeapBytes, HeapAllocations, HeapAllocatedBytes,
        BytesMoved, Resets, ModeChanges, LiveSlices, LivePoolBytes, StuckInAlloc, InvariantViolations,
    ];
}
