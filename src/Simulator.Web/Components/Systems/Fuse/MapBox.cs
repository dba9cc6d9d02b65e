namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// One drawn box of the message map: where it sits (percent of the picture's width), its kind
/// (a CSS class and a legend entry), the label drawn in it, and the words the details panel shows.
/// </summary>
public sealed record MapBox(string Id, double X, double Width, string Kind, string Label, string Title, string Details)
{
    /// <summary>The pieces drawn inside a buffer's frame (header, payload, free tail), in the same coordinates.</summary>
    public IReadOnlyList<MapBox> Pieces { get; init; } = [];

    /// <summary>The reply iovecs that point into this piece ("iov 1").</summary>
    public string? Badge { get; init; }

    /// <summary>A test id for boxes tests look for (the heap copy, an iovec).</summary>
    public string? TestId { get; init; }

    public double End => X + Width;
}
