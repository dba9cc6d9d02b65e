namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// Dedicated threads that run one body together: each <see cref="Run"/> releases all of them at
/// once and returns when all are done, so a benchmark measures N truly concurrent callers (the
/// thread pool would run fewer than 64 at a time on a small machine).
/// </summary>
internal sealed class ParallelRunner : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _start;
    private readonly Barrier _end;
    private Action<int> _body = _ => { };
    private volatile bool _stopping;

    public ParallelRunner(int threads)
    {
        _start = new Barrier(threads + 1);
        _end = new Barrier(threads + 1);
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(() => Loop(i)) { IsBackground = true, Name = $"reader-{i}" })];
        foreach (Thread thread in _threads)
        {
            thread.Start();
        }
    }

    public int Count => _threads.Length;

    public void Run(Action<int> body)
    {
        _body = body;
        _start.SignalAndWait();
        _end.SignalAndWait();
    }

    public void Dispose()
    {
        _stopping = true;
        _start.SignalAndWait();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _start.Dispose();
        _end.Dispose();
    }

    private void Loop(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            _body(index);
            _end.SignalAndWait();
        }
    }
}
