namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>The errors boxo's filestore returns, with their exact messages.</summary>
public static class FilestoreErrors
{
    public const string FilestoreNotEnabled = "filestore is not enabled, see https://git.io/vNItf";
    public const string UrlstoreNotEnabled = "urlstore is not enabled";

    /// <summary>util.go's status strings for List and Verify.</summary>
    public static string StatusText(FilestoreStatus status) => status switch
    {
        FilestoreStatus.Ok => "ok",
        FilestoreStatus.FileError => "error",
        FilestoreStatus.FileNotFound => "no-file",
        FilestoreStatus.FileChanged => "changed",
        FilestoreStatus.OtherError => "ERROR",
        FilestoreStatus.KeyNotFound => "missing",
        _ => "???",
    };

    /// <summary>util.go's mapping of an error to a status: not found, a corrupt reference's own code, or "other".</summary>
    public static FilestoreStatus StatusOf(Exception error) => error switch
    {
        BlockNotFoundException => FilestoreStatus.KeyNotFound,
        CorruptReferenceException corrupt => corrupt.Code,
        _ => FilestoreStatus.OtherError,
    };
}
