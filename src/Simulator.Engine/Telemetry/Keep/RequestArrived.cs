namespace BufferLab.Simulator.Engine.Telemetry.Keep;

/// <summary>A client sent a GET or PUT for a block.</summary>
public sealed record RequestArrived(int Request, string Method, string Hash, long Priority) : SimEvent;
