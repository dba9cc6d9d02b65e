using BufferLab.Simulator.Engine.Simulation;
namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>A logged event as a frame carries it: the event's fields are serialised by their runtime type.</summary>
public sealed record FrameEvent(int Step, long TimeMicros, string Name, object Data)
{
    public static FrameEvent From(LoggedEvent logged) => new(logged.Step, VirtualTime.Micros(logged.Time), logged.Name, logged.Event);
}
