using BufferLab.Simulator.Engine.Systems.Fuse.Mount;

namespace BufferLab.Simulator.E2E;

/// <summary>A browser test that mounts for real through the dashboard: skipped, saying why, where this machine cannot (no Linux, no /dev/fuse, not root). CI has both.</summary>
public sealed class RealMountFactAttribute : FactAttribute
{
    public RealMountFactAttribute()
    {
        if (RealMount.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
