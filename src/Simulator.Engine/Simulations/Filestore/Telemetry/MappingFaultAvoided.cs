using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>The file shrank under a live mapping: upstream would die of SIGBUS touching the lost pages; the guarded mmap reader refused the copy.</summary>
public sealed record MappingFaultAvoided(int Reader, int Chunk, long Offset, long MappedLength, long FileLength) : SimEvent;
