namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// Work that an <see cref="EngineExecutor"/> runs in turns (a session's play). A turn does a
/// slice's worth of steps and says what it wants next. The executor disposes the job once, after
/// its last turn: when it is done, was stopped, or the executor stopped.
/// </summary>
public abstract class EngineJob(CancellationToken stop) : IDisposable
{
    /// <summary>Once cancelled, the job gets no more turns: the turn in progress sees it between steps and a waiting job is ended at once.</summary>
    public CancellationToken Stop { get; } = stop;

    // The executor's bookkeeping, changed only under its lock.
    internal bool Waiting { get; set; }

    internal CancellationTokenRegistration Wakeup { get; set; }

    /// <summary>Runs steps until <paramref name="slice"/> is over (or the work is); never blocks for long.</summary>
    protected internal abstract EngineTurn Turn(EngineSlice slice);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees what the job holds and says it ended (play stopped).</summary>
    protected abstract void Dispose(bool disposing);
}
