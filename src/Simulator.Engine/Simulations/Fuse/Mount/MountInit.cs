using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>The INIT exchange of a real mount: what the kernel offered, what the daemon answered, and the request sizes that leaves.</summary>
public sealed record MountInit(
    string KernelProtocol, int KernelInitInBytes, uint KernelMaxReadahead, uint KernelFlags, IReadOnlyList<string> KernelFlagNames,
    string ReplyProtocol, uint ReplyMaxWrite, int ReplyMaxPages, uint ReplyMaxReadahead, uint ReplyFlags, IReadOnlyList<string> ReplyFlagNames,
    int MaxPagesLimit, int EffectiveMaxPages)
{
    public static MountInit? From(FuseDaemon daemon, int maxPagesLimit)
    {
        if (daemon.KernelInit is not { } kernel || daemon.InitReply is not { } reply)
        {
            return null;
        }

        KernelLimits limits = InitNegotiation.Apply(reply, daemon.Config.PageSize, maxPagesLimit);
        return new MountInit(
            $"{kernel.Request.Major}.{kernel.Request.Minor}", kernel.Bytes, kernel.Request.MaxReadahead, kernel.Request.Flags, Names(kernel.Request.Flags),
            $"{reply.Major}.{reply.Minor}", reply.MaxWrite, reply.MaxPages, reply.MaxReadahead, reply.Flags, Names(reply.Flags), maxPagesLimit, limits.MaxPages);
    }

    private static string[] Names(uint flags) => [.. InitFlags.Set(flags).Select(f => f.Name)];
}
