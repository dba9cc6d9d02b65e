using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>The INIT exchange: what the daemon sent and what the kernel kept.</summary>
public sealed record InitView(uint Minor, uint Flags, uint MaxWrite, ushort MaxPagesSent, int MaxPagesLimit, int KernelMaxPages, long MaxReadRequest, long MaxWriteRequest, int MinReadBuffer);
