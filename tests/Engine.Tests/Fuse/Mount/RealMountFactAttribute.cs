using BufferLab.Simulator.Engine.Systems.Fuse.Mount;

namespace BufferLab.Simulator.Engine.Tests.Fuse.Mount;

/// <summary>A test that mounts for real: skipped, saying why, on a machine that cannot (no Linux, no /dev/fuse, not root). CI has /dev/fuse and root, so there they run.</summary>
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
