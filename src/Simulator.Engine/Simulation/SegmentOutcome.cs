namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>How one actor segment run by <see cref="Scheduler.Advance"/> went.</summary>
public enum SegmentOutcome
{
    /// <summary>The actor ran and yielded its next delay (or parked).</summary>
    Yielded,

    /// <summary>The actor ran its last segment and ended.</summary>
    Ended,

    /// <summary>No actor was ready: nothing ran.</summary>
    Idle,
}
