namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors util.go's ListRes: a reference and whether its bytes can be read back.</summary>
public sealed record ListResult(FilestoreStatus Status, string ErrorMessage, Cid Key, string FilePath, ulong Offset, ulong Size)
{
    public string StatusText => FilestoreErrors.StatusText(Status);
}
