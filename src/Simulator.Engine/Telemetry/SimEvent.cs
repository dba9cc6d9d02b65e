namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// One lifecycle step of a simulated system (in the style of RecyclableMemoryStream's events).
/// Each concrete event is a record; its type name is the event's name in the log.
/// </summary>
public abstract record SimEvent;
