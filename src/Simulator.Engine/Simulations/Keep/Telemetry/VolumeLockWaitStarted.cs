using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A handler waits for a Serialize volume's lock (another I/O holds it); <see cref="Waiting"/> counts the line, this one included.</summary>
public sealed record VolumeLockWaitStarted(int Request, string Volume, int Waiting) : SimEvent;
