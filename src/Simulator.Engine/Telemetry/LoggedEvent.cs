namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>An event as the log keeps it: the step that produced it and the virtual time then.</summary>
public sealed record LoggedEvent(int Step, TimeSpan Time, SimEvent Event)
{
    public string Name => Event.GetType().Name;
}
