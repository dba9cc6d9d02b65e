namespace BufferLab.Simulator.Benchmarks;

/// <summary>One instance's RSS before its followers joined and after they had followed the whole run, and how many followed on it (the room's count in Redis).</summary>
internal sealed record InstanceMemory(string Instance, int Followers, long Before, long After)
{
    /// <summary>Bytes of RSS growth per follower on this instance (NaN with none).</summary>
    public double PerFollower => Followers == 0 ? double.NaN : (After - Before) / (double)Followers;
}
