namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>A logged event as a frame carries it: the event's fields are serialised by their runtime type.</summary>
public sealed record FrameEvent(int Step, long TimeMicros, string Name, object Data)
{
    public static FrameEvent From(LoggedEvent logged) => new(logged.Step, logged.Time.Ticks / 10, logged.Name, logged.Event);
}
