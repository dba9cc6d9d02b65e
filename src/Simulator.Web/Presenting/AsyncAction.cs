namespace BufferLab.Simulator.Web.Presenting;

/// <summary>Runs an undo (an unsubscribe) when disposed, once.</summary>
internal sealed class AsyncAction(Func<ValueTask> dispose) : IAsyncDisposable
{
    private int _done;

    public AsyncAction(Action dispose)
        : this(() =>
        {
            dispose();
            return ValueTask.CompletedTask;
        })
    {
    }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _done, 1) == 0 ? dispose() : ValueTask.CompletedTask;
}
