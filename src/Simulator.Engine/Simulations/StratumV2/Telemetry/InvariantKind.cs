using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

/// <summary>What kind of safety property broke.</summary>
public enum InvariantKind
{
    /// <summary>Two live pool slices hold the same index (bug B3).</summary>
    DuplicateIndex,

    /// <summary>Two live pool slices share bytes (bugs B3, B4).</summary>
    Overlap,

    /// <summary>A live slice's bytes no longer equal what was written (the traces' CORRUPT marker).</summary>
    Corrupt,

    /// <summary>The pool panicked (bug B5 and other reachable panics); the run stops.</summary>
    Panic,
}
