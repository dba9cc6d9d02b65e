using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>A writer placed a chunk of the file (a real pwrite) and added its reference to the filestore.</summary>
public sealed record ChunkWritten(int Writer, int Chunk, long Offset, string Cid) : SimEvent;
