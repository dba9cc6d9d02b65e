using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// The work of one real-mount run, apart from the thread that runs it: the run itself (to its
/// report) and the requests the kernel has sent so far, readable while it goes on. Tests give a
/// job of their own, so the page's rules (one at a time, cancel, the recording) run without a mount.
/// </summary>
public sealed record MountJob(Func<CancellationToken, MountReport> Run, Func<IReadOnlyList<RequestRecord>> Requests)
{
    /// <summary>A real mount: <see cref="MountSession"/>, whose server's requests are a thread-safe copy.</summary>
    public static MountJob Real(MountOptions options)
    {
        var session = new MountSession(options);
        return new MountJob(session.Run, () => session.Server?.Requests ?? []);
    }
}
