namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>The states of a #10541 buffer.</summary>
public enum SharedBufferState
{
    /// <summary>Holds no block; free to take.</summary>
    Empty,

    /// <summary>One handler is fetching (or a PUT receiving) a block into it; GETs for the hash join it.</summary>
    Filling,

    /// <summary>Holds a verified block; GETs for the hash are served from it with no volume read.</summary>
    Ready,

    /// <summary>Its fetch failed: every sharer gets the error, no hash maps to it, and it is Empty once they leave.</summary>
    Failed,
}
