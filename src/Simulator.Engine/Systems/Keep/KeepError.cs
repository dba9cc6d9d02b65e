namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>An error a keepstore operation returns, with the HTTP status the router answers it with.</summary>
public sealed record KeepError(int Status, string Message)
{
    /// <summary>os.ErrNotExist from every mount: 404.</summary>
    public static readonly KeepError NotFound = new(404, "block not found");

    /// <summary>errChecksum: the stored data does not hash to its locator.</summary>
    public static readonly KeepError Checksum = new(502, "checksum mismatch in stored data");

    /// <summary>The client's context ended (router.go answers 499 when the request context is done).</summary>
    public static readonly KeepError ClientGone = new(499, "context canceled");

    /// <summary>The request limiter refused or dropped the request.</summary>
    public static readonly KeepError Unavailable = new(503, "service unavailable");

    /// <summary>errFull: every volume BlockWrite tried was full (507).</summary>
    public static readonly KeepError Full = new(507, "insufficient storage");

    /// <summary>errVolumeUnavailable: no volume took the block, and not all were full.</summary>
    public static readonly KeepError VolumeUnavailable = new(503, "volume unavailable");

    /// <summary>errCollision: a volume holds different bytes under the same hash.</summary>
    public static readonly KeepError Collision = new(500, "hash collision");

    public override string ToString() => $"{Status} {Message}";
}
