namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>The outcome of <see cref="CoalescingBufferCache.Acquire"/>: what to do, with which buffer, and which block was evicted for it.</summary>
public readonly record struct CacheLookup(CacheLookupKind Kind, SharedBuffer? Buffer, string? EvictedHash);
