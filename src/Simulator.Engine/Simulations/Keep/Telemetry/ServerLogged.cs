using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A line the server writes to its log (log.Printf) while it handles request <see cref="Request"/>.</summary>
public sealed record ServerLogged(int Request, string Line) : SimEvent;
