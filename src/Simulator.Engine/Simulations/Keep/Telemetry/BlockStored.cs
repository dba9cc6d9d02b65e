using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

/// <summary>A PUT's block is stored: the replicas (X-Keep-Replicas-Stored) and the replicas per storage class (X-Keep-Storage-Classes-Confirmed, "class=n, ...").</summary>
public sealed record BlockStored(int Request, int Replicas, string StorageClasses) : SimEvent;
