using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A client sent a GET or PUT for a block.</summary>
public sealed record RequestArrived(int Request, string Method, string Hash, long Priority) : SimEvent;
