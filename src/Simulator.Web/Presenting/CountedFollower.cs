namespace BufferLab.Simulator.Web.Presenting;

/// <summary>One follower counted on this instance; disposing it (once) uncounts it.</summary>
internal sealed class CountedFollower(Action uncount) : IDisposable
{
    private int _done;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            uncount();
        }
    }
}
