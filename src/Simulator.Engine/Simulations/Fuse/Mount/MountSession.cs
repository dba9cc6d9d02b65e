using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Fuse;
using BufferLab.Simulator.Engine.Systems.Fuse.Mount;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// One real-mount run: wait for the machine's mount lock, detach mounts a killed run left, set max_pages_limit, mount memfs served by
/// the chosen daemon, let dd write and read through it, then unmount, whatever happened: a
/// watchdog aborts the connection at the timeout, and cancellation (Ctrl+C, SIGTERM) does the same,
/// so dd gets an error rather than a hang and no mount is left behind.
/// </summary>
public sealed class MountSession(MountOptions options)
{
    public const string FileName = "file";

    public MountOptions Options { get; } = options;

    /// <summary>The daemon's loop, while the run goes on (for live counters) and after it.</summary>
    public MountServer? Server { get; private set; }

    /// <summary>Runs the mount to its end; the report says how it ended. Bad options throw <see cref="ArgumentException"/>; a machine that cannot mount, <see cref="InvalidOperationException"/>.</summary>
    public MountReport Run(CancellationToken cancel = default)
    {
        if (Scenarios.FieldProblem.FirstOf(Options.Problems()) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (RealMount.Unavailable() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        using var exclusive = MountLock.Take(Options.Timeout, cancel);
        _ = RealMount.RemoveStale();
        using var limit = new MaxPagesLimit(Options.MaxPagesLimit);
        byte[] content = new byte[Options.TotalBytes];
        new SeededRandom(0xF11E).NextBytes(content);
        var file = new MemFs(content) { ReadsFromData = Options.ReadsFromData };
        string? stopped = null;
        List<DdResult> transfers = [];
        MountServer server;
        string directory;
        using (var mount = new RealMount())
        {
            directory = mount.Directory;
            var daemon = new FuseDaemon(Options.Config, mount.Device, file, new MemFsInodes(file, FileName) { DirectIo = Options.Direct });
            server = Server = new MountServer(daemon);
            Thread serving = server.Start();
            void Abort(string why)
            {
                stopped ??= why;
                try
                {
                    mount.Abort();
                }
                catch (IOException)
                {
                    // already gone
                }
            }

            using (var watchdog = new Timer(_ => Abort($"timed out after {Options.Timeout.TotalSeconds:0} s: the connection was aborted"), null, Options.Timeout, Timeout.InfiniteTimeSpan))
            using (cancel.Register(() => Abort("interrupted: the connection was aborted")))
            {
                transfers = new MountWorkload(Options, file, mount.Directory, FileName).Run(cancel);
            }

            _ = mount.Unmount();
            if (!serving.Join(TimeSpan.FromSeconds(10)))
            {
                stopped ??= "the daemon's loop did not end within 10 s of the unmount";
            }
        }

        return MountReport.From(Options, server, MountInit.From(server.Daemon, limit.Current), transfers, stopped, !RealMount.IsMounted(directory));
    }
}
