namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors posinfo.FilestoreNode: a block added by reference, with where its bytes are (an absolute path or a URL).</summary>
public sealed record FilestoreNode(Cid Cid, string FullPath, ulong Offset, ulong Size);
