namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// Runs the engine work of every session (play, forward and backward) on a small fixed set of
/// dedicated threads instead of the thread pool, so Kestrel and the Blazor circuits keep their
/// threads however many sessions play. Jobs with work take turns round-robin, each turn one
/// <see cref="EngineOptions.Slice"/> of steps (shorter when many wait, so a round stays within
/// <see cref="EngineOptions.Round"/>): a session at full speed cannot starve another, and
/// a turn ends between two steps when its job is stopped (pause, close). Paced play and rests wait
/// here for their time without holding a thread.
/// </summary>
public sealed partial class EngineExecutor : IDisposable
{
    // Without a server there is no request to leave a core for: a thread per core, at normal priority.
    private static readonly Lazy<EngineExecutor> DefaultExecutor = new(() => new EngineExecutor(new EngineOptions { Workers = Environment.ProcessorCount, LowerPriority = false }));

    private readonly object _sync = new(); // a Monitor (Wait/Pulse), so not a Lock
    private readonly Queue<EngineJob> _ready = new();
    private readonly PriorityQueue<EngineJob, long> _waiting = new();
    private readonly Thread[] _threads;
    private readonly TimeProvider _time;
    private readonly long _slice;
    private readonly long _round;
    private readonly long _minSlice;
    private readonly ILogger? _log;
    private int _jobs;
    private bool _stopping;

    public EngineExecutor(EngineOptions options, ILogger<EngineExecutor>? log = null)
        : this(options.WorkerCount, options.Slice, options.Round, TimeProvider.System, log)
    {
        bool lower = options.LowerPriority;
        foreach (Thread thread in _threads)
        {
            thread.Start(lower);
        }
    }

    /// <summary>An executor with <paramref name="workers"/> threads not started yet; with none, turns run only in <see cref="RunNextTurn"/> (tests).</summary>
    private EngineExecutor(int workers, TimeSpan slice, TimeSpan round, TimeProvider time, ILogger? log)
    {
        _time = time;
        _slice = Math.Max(1, (long)(slice.TotalSeconds * time.TimestampFrequency));
        _round = Math.Max(1, (long)(round.TotalSeconds * time.TimestampFrequency)) * Math.Max(1, workers);
        _minSlice = Math.Min(_slice, Math.Max(1, (long)(MinSlice.TotalSeconds * time.TimestampFrequency)));
        _log = log;
        Slice = slice;
        _threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"BufferLab engine {i + 1}" };
        }
    }

    /// <summary>The shortest turn, however many sessions wait: below it a turn's own cost (a lock, a change signal) would start to show.</summary>
    public static readonly TimeSpan MinSlice = TimeSpan.FromMilliseconds(0.5);

    /// <summary>The executor of sessions made without one (tests, tools; a thread per core); the app makes its own from configuration.</summary>
    public static EngineExecutor Shared => DefaultExecutor.Value;

    public int Workers => _threads.Length;

    public TimeSpan Slice { get; }

    /// <summary>The executor's clock: timestamps for <see cref="EngineTurn.At"/> are on its scale.</summary>
    public TimeProvider Time => _time;

    /// <summary>Jobs submitted and not ended yet (running, waiting for their turn, or waiting for a time).</summary>
    public int Jobs
    {
        get
        {
            lock (_sync)
            {
                return _jobs;
            }
        }
    }

    /// <summary>An executor without threads whose turns the caller runs one at a time with <see cref="RunNextTurn"/>, on <paramref name="time"/>: deterministic, for tests.</summary>
    internal static EngineExecutor Manual(TimeSpan slice, TimeProvider time, TimeSpan? round = null) => new(0, slice, round ?? slice * 1_000, time, null);

    /// <summary>Gives <paramref name="job"/> its first turn after the jobs already waiting for one.</summary>
    public void Submit(EngineJob job)
    {
        // Registered before it is queued: a stop that comes first finds it not waiting, and its first turn sees the stop.
        CancellationTokenRegistration wakeup = job.Stop.UnsafeRegister(static state =>
        {
            (EngineExecutor executor, EngineJob stopped) = ((EngineExecutor, EngineJob))state!;
            executor.Wake(stopped);
        }, (this, job));
        lock (_sync)
        {
            if (_stopping)
            {
                wakeup.Dispose();
                throw new SessionRequestException("the server is stopping");
            }

            job.Wakeup = wakeup;
            _jobs++;
            _ready.Enqueue(job);
            Monitor.Pulse(_sync);
        }
    }

    /// <summary>Runs the next turn that is due on the calling thread; false when none is (executors from <see cref="Manual"/>).</summary>
    internal bool RunNextTurn()
    {
        if (Next(block: false) is not { } job)
        {
            return false;
        }

        RunTurn(job.Job, job.Slice);
        return true;
    }

    /// <summary>Stops the threads (a turn in progress ends at its slice) and ends every job left.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.PulseAll(_sync);
        }

        foreach (Thread thread in _threads)
        {
            if (thread.IsAlive && thread != Thread.CurrentThread)
            {
                thread.Join(TimeSpan.FromSeconds(2));
            }
        }

        List<EngineJob> left;
        lock (_sync)
        {
            left = [.. _ready, .. _waiting.UnorderedItems.Select(w => w.Element)];
            _ready.Clear();
            _waiting.Clear();
        }

        foreach (EngineJob job in left)
        {
            EndJob(job);
        }
    }

    private void Work(object? lowerPriority)
    {
        if (lowerPriority is true && !EngineThreads.LowerCurrent())
        {
            if (_log is not null)
            {
                PriorityKept(_log);
            }
        }

        while (Next(block: true) is { } job)
        {
            RunTurn(job.Job, job.Slice);
        }
    }

    /// <summary>
    /// The next job whose turn it is (the first ready one, after moving those whose time came) and
    /// its slice: <see cref="Slice"/>, or less when the jobs ready would not all fit in a round;
    /// waits for one if <paramref name="block"/>.
    /// </summary>
    private (EngineJob Job, long Slice)? Next(bool block)
    {
        lock (_sync)
        {
            while (!_stopping)
            {
                long now = _time.GetTimestamp();
                while (_waiting.TryPeek(out EngineJob? due, out long at) && at <= now)
                {
                    _waiting.Dequeue();
                    due.Waiting = false;
                    _ready.Enqueue(due);
                }

                if (_ready.TryDequeue(out EngineJob? job))
                {
                    return (job, Math.Clamp(_round / (_ready.Count + 1), _minSlice, _slice));
                }

                if (!block)
                {
                    return null;
                }

                int timeout = _waiting.TryPeek(out _, out long next)
                    ? (int)Math.Clamp(Math.Ceiling((next - now) * 1000.0 / _time.TimestampFrequency), 1, int.MaxValue)
                    : Timeout.Infinite;
                Monitor.Wait(_sync, timeout);
            }

            return null;
        }
    }

    private void RunTurn(EngineJob job, long slice)
    {
        EngineTurn next;
        try
        {
            next = job.Stop.IsCancellationRequested ? EngineTurn.Done : job.Turn(new EngineSlice(_time, _time.GetTimestamp(), slice));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing run ends its play, as an exception ended the play task before; the thread goes on with the others.
            if (_log is not null)
            {
                PlayFailed(_log, e);
            }
            next = EngineTurn.Done;
        }

        lock (_sync)
        {
            if (next.Next != EngineTurn.Kind.Done && !_stopping)
            {
                if (next.Next == EngineTurn.Kind.Again || job.Stop.IsCancellationRequested)
                {
                    _ready.Enqueue(job); // a job stopped since its turn checked is ended by its next turn, not left waiting
                }
                else
                {
                    job.Waiting = true;
                    _waiting.Enqueue(job, next.DueTimestamp);
                }

                Monitor.Pulse(_sync);
                return;
            }
        }

        EndJob(job);
    }

    /// <summary>A stopped job that waits for a time gets its (last) turn now.</summary>
    private void Wake(EngineJob job)
    {
        lock (_sync)
        {
            if (job.Waiting && _waiting.Remove(job, out _, out _))
            {
                job.Waiting = false;
                _ready.Enqueue(job);
                Monitor.Pulse(_sync);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An engine thread keeps the process's priority (setpriority refused).")]
    private static partial void PriorityKept(ILogger log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A session's play stopped on an error.")]
    private static partial void PlayFailed(ILogger log, Exception error);

    private void EndJob(EngineJob job)
    {
        job.Wakeup.Dispose();
        try
        {
            job.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (_log is not null)
            {
                PlayFailed(_log, e);
            }
        }

        lock (_sync)
        {
            _jobs--;
        }
    }
}
