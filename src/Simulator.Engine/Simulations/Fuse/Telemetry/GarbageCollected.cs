using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>
/// The daemon's Go runtime ran garbage collection number <paramref name="Cycle"/> (GOGC=100): the
/// heap when it started, what it found live, the next goal, and what sync.Pool's cleanup did to
/// PR #198's overflow pools: the victim blocks dropped, the primary blocks made victims.
/// </summary>
public sealed record GarbageCollected(int Cycle, long HeapBytes, long LiveBytes, long NextGoalBytes, int Dropped1M, int Dropped1MPlusPage, int Victims1M, int Victims1MPlusPage) : SimEvent;
