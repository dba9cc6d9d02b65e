using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>The FUSE run at one step: negotiated sizes, messages and pools, and the last op's buffers.</summary>
public sealed record FuseSnapshot(
    string Mode,
    long TimeUs,
    int PageSize,
    int InMessageBytes,
    int? KernelMaxPages,
    long? MaxReadRequest,
    int InFlight,
    int InMessagesAllocated,
    int FreeInMessages,
    long PinnedBytes,
    int Pool1MCount,
    int Pool1MLimit,
    int Pool1MPlusPageCount,
    int Pool1MPlusPageLimit,
    int PoolOverflowBlocks,
    InitView? Init,
    MessageView? LastMessage,
    int Ops,
    long BytesServed,
    long HeapBytes,
    long BytesCopied,
    int Errors);
