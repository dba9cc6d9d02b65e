namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>What one 2017 vol.Get(ctx, hash, buf) returned (an iterator cannot return a value): the size read, or its error.</summary>
public sealed class VolumeGetResult
{
    /// <summary>Bytes in the buffer when the read ended without an error.</summary>
    public int Size { get; set; }

    /// <summary>The volume does not have the block (os.IsNotExist).</summary>
    public bool NotExist { get; set; }

    /// <summary>Any other error (an I/O error, or the context's when the client left); null when the read succeeded.</summary>
    public string? Error { get; set; }
}
