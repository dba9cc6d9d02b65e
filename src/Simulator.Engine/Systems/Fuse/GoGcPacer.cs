namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// When the daemon's Go runtime starts a garbage collection, after runtime/mgcpacer.go with
/// GOGC=100: the heap goal is the live heap the last cycle marked times (1 + GOGC/100), and at
/// least heapminimum (4 MiB); a cycle starts when the live heap plus what was allocated since
/// reaches the goal. The pacer's early trigger (a little before the goal) is left out, so the
/// cycle falls exactly on the goal and a run stays a pure function of its scenario and seed.
/// </summary>
public sealed class GoGcPacer(long liveBytes)
{
    /// <summary>heapminimum with GOGC=100: 4 MiB.</summary>
    public const long MinimumHeapGoal = 4 << 20;

    /// <summary>The heap the last cycle found live (at the start: what the program holds, the memfs file first).</summary>
    public long LiveAfterLastCycle { get; private set; } = liveBytes;

    /// <summary>The daemon's cumulative allocations when the last cycle ran.</summary>
    public long AllocatedAtLastCycle { get; private set; }

    public int Cycles { get; private set; }

    /// <summary>The heap size at which the next cycle starts.</summary>
    public long HeapGoal => Math.Max(2 * LiveAfterLastCycle, MinimumHeapGoal);

    /// <summary>Whether a cycle starts now, given the daemon's cumulative allocations.</summary>
    public bool Due(long allocated) => LiveAfterLastCycle + (allocated - AllocatedAtLastCycle) >= HeapGoal;

    /// <summary>A cycle ran at <paramref name="allocated"/> and found <paramref name="live"/> bytes live.</summary>
    public void Collected(long allocated, long live)
    {
        Cycles++;
        AllocatedAtLastCycle = allocated;
        LiveAfterLastCycle = live;
    }
}
