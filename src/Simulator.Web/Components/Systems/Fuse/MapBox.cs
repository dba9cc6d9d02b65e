namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// One drawn box of the message map: where it sits (percent of the picture's width), its kind
/// (a CSS class and a legend entry), the label drawn in it, and the words the details panel shows.
/// </summary>
public sealed record MapBox(string Id, double X, double Width, string Kind, string Label, string Title, string Details)
{
    /// <summary>The pieces drawn inside a buffer's frame (header, payload, free tail), in the same coordinates.</summary>
    public IReadOnlyList<MapBox> Pieces { get; init; } = [];

    /// <summary>
    /// A shorter label for a buffer's frame ("#0 · 1 MiB + 4 KiB" for "block 0 · 1 MiB + 4 KiB"), shown
    /// instead of <see cref="Label"/> when the frame is drawn narrow (a phone, two runs side by side).
    /// </summary>
    public string? CompactLabel { get; init; }

    /// <summary>The label of a frame drawn very narrow: "#1" for block 1, "Grow" for the WRITE's reply body.</summary>
    public string? TinyLabel { get; init; }

    /// <summary>The reply iovecs that point into this piece ("iov 1").</summary>
    public string? Badge { get; init; }

    /// <summary>A test id for boxes tests look for (the heap copy, an iovec).</summary>
    public string? TestId { get; init; }

    public double End => X + Width;
}
