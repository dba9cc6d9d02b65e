using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>keep_cache.go's writeprogress: one backend fetch into a cache file, its bytes so far, its outcome, and who waits on its cond.</summary>
public sealed class WriteProgress(int capacity)
{
    public byte[] File { get; } = new byte[capacity];

    /// <summary>Bytes copied into the cache file so far.</summary>
    public int Size { get; internal set; }

    public bool Done { get; internal set; }

    public string? Error { get; internal set; }

    /// <summary>The readers WaitGroup.</summary>
    public int Readers { get; internal set; }

    internal List<ActorHandle> Waiters { get; } = [];
}
