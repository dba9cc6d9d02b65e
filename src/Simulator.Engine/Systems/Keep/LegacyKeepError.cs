namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// The 2017 keepstore's errors that its GET and PUT paths answer with (services/keepstore/keepstore.go at
/// 0f644e242e, lines 44-60), each with its HTTPCode and ErrMsg as http.Error sends them.
/// </summary>
public static class LegacyKeepError
{
    /// <summary>NotFoundError (keepstore.go:52): GetBlock's errorToCaller until a volume's copy fails its hash.</summary>
    public static readonly KeepError NotFound = new(404, "Not Found");

    /// <summary>DiskHashError (keepstore.go:50): a volume's copy did not hash to the locator and no later volume had a good one.</summary>
    public static readonly KeepError DiskHash = new(500, "Hash mismatch in stored data");

    /// <summary>ErrClientDisconnect (keepstore.go:59): the request's context ended while it waited for a buffer or read a volume.</summary>
    public static readonly KeepError ClientDisconnect = new(503, "Client disconnected");

    /// <summary>CollisionError (keepstore.go:47): a volume holds different bytes with the same MD5.</summary>
    public static readonly KeepError Collision = new(500, "Collision");

    /// <summary>RequestHashError (keepstore.go:48): the PUT body's MD5 is not the hash in the URL.</summary>
    public static readonly KeepError RequestHash = new(422, "Hash mismatch in request");

    /// <summary>GenericError (keepstore.go:53): every write failed and not every volume was full.</summary>
    public static readonly KeepError Generic = new(500, "Fail");

    /// <summary>FullError (keepstore.go:54): no writable volume, or every write said the volume was full.</summary>
    public static readonly KeepError Full = new(503, "Full");

    /// <summary>TooLongError (keepstore.go:56): the PUT's Content-Length is over BlockSize.</summary>
    public static readonly KeepError TooLong = new(413, "Block is too large");
}
