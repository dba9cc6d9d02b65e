namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>A range of pool bytes the byte map draws: a live slice, the message in progress, or a region.</summary>
public sealed record ByteSegment(int Offset, int Length, string Kind, string Label, string Title);
