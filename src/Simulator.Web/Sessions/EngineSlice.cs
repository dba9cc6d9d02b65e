namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// One turn's share of an engine thread. A job checks <see cref="IsOver"/> between steps; only how
/// many steps fit in a turn depends on time, never what a step does, so runs stay deterministic.
/// </summary>
public readonly struct EngineSlice(TimeProvider time, long start, long length)
{
    /// <summary>The executor's clock (real time in the app; a test's own in tests).</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>When the turn began, on <see cref="Time"/>'s timestamp scale.</summary>
    public long Start { get; } = start;

    public bool IsOver => Time.GetTimestamp() - Start >= length;
}
