namespace BufferLab.Simulator.Engine.Systems.StratumV2;

/// <summary>
/// The `Result&lt;*mut u8, PoolMode&gt;` of the upstream get_writable/clear routines: Ok means the
/// bytes were reserved; otherwise the mode the pool should change to.
/// </summary>
internal enum WriteOutcome
{
    Ok,
    ToBack,
    ToFront,
    ToAlloc,
}
