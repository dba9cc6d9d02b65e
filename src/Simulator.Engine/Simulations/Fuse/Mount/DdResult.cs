namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>One dd run against the mount: which way, its bytes and seconds (as dd reports them), how it ended, and whether the bytes arrived intact.</summary>
public sealed record DdResult(string Direction, long Bytes, double Seconds, int ExitCode, string? Error, bool Verified)
{
    /// <summary>Decimal gigabytes per second, as dd prints them.</summary>
    public double GigabytesPerSecond => Seconds > 0 ? Bytes / Seconds / 1e9 : 0;
}
