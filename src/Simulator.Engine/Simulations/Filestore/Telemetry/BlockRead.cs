using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;

/// <summary>A reader read a block back through the FileManager: status 0 (ok), 10 (file error), 11 (no file), 12 (changed), 20 or 30.</summary>
public sealed record BlockRead(int Reader, int Chunk, long Offset, int Status, string StatusText, int Bytes, string? Error) : SimEvent, IMarksTimeline
{
    (TimelineMarkKind Kind, string Label)? IMarksTimeline.Mark => Status != 0 ? (TimelineMarkKind.RequestFailed, $"reader-{Reader} chunk {Chunk}: {StatusText}") : null;
}
