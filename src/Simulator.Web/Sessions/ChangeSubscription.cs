namespace BufferLab.Simulator.Web.Sessions;

/// <summary>A subscription to change signals through a <see cref="ChangeThrottle"/>; disposing it unsubscribes and drops what is pending.</summary>
public sealed class ChangeSubscription : IDisposable
{
    private readonly Action<Action> _unsubscribe;
    private readonly ChangeThrottle _throttle;

    public ChangeSubscription(Action<Action> subscribe, Action<Action> unsubscribe, Func<Task> deliver)
    {
        _unsubscribe = unsubscribe;
        _throttle = new ChangeThrottle(deliver);
        subscribe(_throttle.Signal);
    }

    public void Dispose()
    {
        _unsubscribe(_throttle.Signal);
        _throttle.Dispose();
    }
}
