using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>FUSE_INIT answered: what the daemon offered and what the kernel made of it.</summary>
public sealed record InitNegotiated(uint Minor, uint MaxWrite, ushort MaxPagesSent, int KernelMaxPages, long MaxReadRequest, int MinReadBuffer, int InMessageBytes) : SimEvent;
