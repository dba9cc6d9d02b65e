namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>An actor of a <see cref="Scheduler"/>: its name, its body, and whether it is due, running, parked or finished.</summary>
public sealed class ActorHandle
{
    internal ActorHandle(string name, IEnumerator<TimeSpan> body)
    {
        Name = name;
        Body = body;
    }

    public string Name { get; }

    public ActorState State { get; internal set; }

    internal IEnumerator<TimeSpan> Body { get; }

    /// <summary>Woken while running: its next park returns at once.</summary>
    internal bool WakePending { get; set; }

    public override string ToString() => $"{Name} ({State})";
}
