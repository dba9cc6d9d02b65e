namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors filestore/pb/dataobj.proto: where a block's bytes live (a path relative to the root, or a URL), at which offset, how many.</summary>
public sealed record DataObj(string FilePath, ulong Offset, ulong Size);
