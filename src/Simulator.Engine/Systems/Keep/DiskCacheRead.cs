namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>What one DiskCache readAt returned: bytes read, the error, and how many bytes the fetch had when this reader woke for the last time.</summary>
public sealed class DiskCacheRead
{
    public int Bytes { get; set; }

    public string? Error { get; set; }

    public int SizeWhenReturned { get; set; }

    public bool Returned { get; set; }
}
