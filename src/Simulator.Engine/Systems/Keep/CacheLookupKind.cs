namespace BufferLab.Simulator.Engine.Systems.Keep;

public enum CacheLookupKind
{
    /// <summary>A Ready buffer holds the block: serve it, no volume read.</summary>
    Hit,

    /// <summary>Another request is fetching the block: share its buffer and its result.</summary>
    Join,

    /// <summary>This request fetches the block into the buffer it was given.</summary>
    Fill,

    /// <summary>Every buffer is in use: wait.</summary>
    Full,
}
