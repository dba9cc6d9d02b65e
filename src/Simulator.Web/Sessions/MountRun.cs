using System.Diagnostics;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// One real mount running on a thread of its own (never a circuit's: dd and the daemon block for
/// seconds), measured on the wall clock, not stepped. Readable from any thread while it runs: the
/// requests so far, the elapsed time; afterwards its report, or why it failed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A token source without a timer holds nothing to release; Cancel must work whenever a page calls it, even after the run ended.")]
public sealed class MountRun
{
    private readonly MountJob _job;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Stopwatch _clock = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal MountRun(MountOptions options, MountJob job)
    {
        Options = options;
        _job = job;
    }

    public MountOptions Options { get; }

    /// <summary>The report, once the run has ended normally (it may still say the run stopped early).</summary>
    public MountReport? Report { get; private set; }

    /// <summary>Why the run could not run at all (bad options, a machine that cannot mount, an I/O error), once ended.</summary>
    public string? Failure { get; private set; }

    public bool Ended => _ended.Task.IsCompleted;

    /// <summary>Completes when the run has ended, on a thread-pool thread.</summary>
    public Task Completion => _ended.Task;

    public bool CancelRequested => _cancel.IsCancellationRequested;

    /// <summary>Wall-clock time since the run started (it stops when the run ends).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The kernel's requests so far (a copy).</summary>
    public IReadOnlyList<RequestRecord> Requests => _job.Requests();

    /// <summary>Aborts the connection (the session then unmounts); nothing when the run has ended.</summary>
    public void Cancel() => _cancel.Cancel();

    internal void Start()
    {
        var thread = new Thread(Body) { IsBackground = true, Name = "fuse-mount-run" };
        thread.Start();
    }

    private void Body()
    {
        _clock.Start();
        try
        {
            Report = _job.Run(_cancel.Token);
        }
#pragma warning disable CA1031 // a thread of its own: whatever it throws must end the run, not the server
        catch (Exception e)
#pragma warning restore CA1031
        {
            Failure = e.Message;
        }
        finally
        {
            _clock.Stop();
            _ended.TrySetResult();
        }
    }
}
