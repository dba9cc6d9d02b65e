namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// What a garbage collection does to sync.Pool's idle objects (src/sync/pool.go poolCleanup),
/// by the Go release a keepstore was built with.
/// </summary>
public enum SyncPoolGc
{
    /// <summary>Go 1.13 and later: idle objects move to a victim cache a Get may still take from; the previous victims are dropped.</summary>
    VictimCache,

    /// <summary>Go 1.12 and earlier (the 2017 keepstore ran on Go 1.8): poolCleanup drops every idle object; there is no victim cache.</summary>
    DropAll,
}
