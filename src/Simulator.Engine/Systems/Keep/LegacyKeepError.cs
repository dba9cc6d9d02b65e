namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// The 2017 keepstore's errors that its GET path answers with (services/keepstore/keepstore.go at
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
}
