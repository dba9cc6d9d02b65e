namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>How a checkpoint copies objects of a type.</summary>
internal enum CopyKind
{
    /// <summary>Refer to the same instance: immutable, stateless, or outside memory.</summary>
    Share,

    /// <summary>A shallow copy, then every reference inside it copied.</summary>
    Object,

    /// <summary>An array: a shallow copy, then its elements copied if they hold references.</summary>
    Array,

    /// <summary>A delegate, re-bound to the copy of its target.</summary>
    Delegate,
}
