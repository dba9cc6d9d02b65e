using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;
using BufferLab.Simulator.Engine.Systems.Fuse.Mount;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// The server's real FUSE mounts, one at a time: a mount takes /dev/fuse, the machine's
/// max_pages_limit and seconds of dd, so a second person asking while one runs is told to try
/// again when it ends (no queue). A singleton; stopping the server cancels the run (which unmounts).
/// </summary>
public sealed class RealMountRunner : IDisposable
{
    private readonly Func<string?> _unavailable;
    private readonly Func<MountOptions, MountJob> _jobOf;
    private readonly Lock _gate = new();
    private MountRun? _current;

    public RealMountRunner()
        : this(RealMount.Unavailable, MountJob.Real)
    {
    }

    /// <summary>A runner whose machine check and jobs are given (tests).</summary>
    public RealMountRunner(Func<string?> unavailable, Func<MountOptions, MountJob> jobOf)
    {
        _unavailable = unavailable;
        _jobOf = jobOf;
    }

    /// <summary>Why this server cannot mount, in one line, or null when it can.</summary>
    public string? Unavailable => _unavailable();

    /// <summary>Whether a run is going on now (anyone's).</summary>
    public bool Busy
    {
        get
        {
            lock (_gate)
            {
                return _current is { Ended: false };
            }
        }
    }

    /// <summary>Starts a run on its own thread; null when one is running already.</summary>
    public MountRun? TryStart(MountOptions options)
    {
        lock (_gate)
        {
            if (_current is { Ended: false })
            {
                return null;
            }

            var run = new MountRun(options, _jobOf(options));
            _current = run;
            run.Start();
            return run;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Cancel();
        }
    }
}
