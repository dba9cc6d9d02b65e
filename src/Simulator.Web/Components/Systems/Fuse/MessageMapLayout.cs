using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>
/// Lays out <see cref="MessageMap"/>s from the model's <see cref="MessageView"/>s. Both runs share
/// one byte scale (so a 1 MiB message is drawn a quarter as wide as a 4 MiB one), the largest at
/// which every row fits the width. Structs of <see cref="SmallBytes"/> bytes or fewer (headers,
/// fuse_write_out) are drawn <see cref="SmallWidth"/> percent wide so they can be seen and
/// labelled beside megabytes; everything else is to scale.
/// </summary>
public static class MessageMapLayout
{
    /// <summary>Percent of the width a small struct is drawn at, whatever its bytes.</summary>
    public const double SmallWidth = 8;

    /// <summary>Structs up to this many bytes are drawn <see cref="SmallWidth"/> wide.</summary>
    public const int SmallBytes = 64;

    /// <summary>Percent between neighbouring buffers.</summary>
    public const double Gap = 0.8;

    /// <summary>Boxes narrower than this (percent) carry no label or badge: the details panel names them.</summary>
    public const double LabelWidth = 3;

    /// <summary>Pieces narrower than this (percent) carry no iovec badge, which would hide their label.</summary>
    public const double BadgeWidth = 16;

    public static (MessageMap? Main, MessageMap? Compare) Build(MessageView? main, MessageView? compare)
    {
        double scale = Scale([.. new[] { main, compare }.OfType<MessageView>()]);
        bool shared = main is not null && compare is not null;
        return (main is null ? null : Draw(main, scale, new MessageMapWords(main, shared)), compare is null ? null : Draw(compare, scale, new MessageMapWords(compare, shared)));
    }

    /// <summary>Percent per byte: the largest at which every row of every view fits 100 percent.</summary>
    public static double Scale(IReadOnlyList<MessageView> views)
    {
        double widest = views.SelectMany(v => new[]
        {
            (double)v.RequestBytes,
            v.Buffers.Where(b => IsRowB(b.Kind)).Sum(b => (double)b.Size),
            v.Buffers.Where(b => IsRowC(b.Kind)).Sum(b => (double)b.Size),
            v.Reply.Sum(r => (double)r.Length),
        }).DefaultIfEmpty(1).Max();
        double low = 0, high = 100 / Math.Max(1, widest);
        if (views.All(v => Draw(v, high, null).Extent <= 100))
        {
            return high;
        }

        for (int i = 0; i < 20; i++)
        {
            double middle = (low + high) / 2;
            (low, high) = views.All(v => Draw(v, middle, null).Extent <= 100) ? (middle, high) : (low, middle);
        }

        return low;
    }

    /// <summary>One view at <paramref name="scale"/> percent per byte; without words (null) every text is empty, which is all <see cref="Scale"/> needs to measure.</summary>
    private static MessageMap Draw(MessageView m, double scale, MessageMapWords? words)
    {
        var placed = new List<(int Buffer, int Offset, int Length, double X, double Width)>();
        string W(Func<MessageMapWords, string> text) => words is null ? "" : text(words);
        Dictionary<(int Buffer, int Offset), List<int>> iovecsAt = IovecTargets(m);

        // Row B: the message's buffers and borrowed blocks, in order.
        var frames = new List<MapBox>();
        double x = 0;
        for (int i = 0; i < m.Buffers.Count; i++)
        {
            DaemonBuffer buffer = m.Buffers[i];
            if (!IsRowB(buffer.Kind))
            {
                continue;
            }

            var pieces = new List<MapBox>();
            double start = x;
            foreach ((int offset, int length, string kind) in PiecesOf(m, i, buffer.Size))
            {
                double width = Width(length, kind, scale);
                placed.Add((i, offset, length, x, width));
                pieces.Add(new MapBox($"b{i}-{offset}", x, width, kind, Fit(W(w => w.PieceLabel(kind, length)), width), W(w => w.PieceTitle(i, offset, length, kind)), W(w => w.PieceDetails(i, offset, length, kind)))
                {
                    Badge = width < BadgeWidth ? null : Badge(iovecsAt, i, offset, length),
                });
                x += width;
            }

            frames.Add(new MapBox($"b{i}", start, x - start, FrameKind(buffer.Kind), Fit(W(w => w.FrameLabel(i)), x - start), W(w => w.FrameTitle(i)), W(w => w.FrameDetails(i))) { Pieces = pieces, CompactLabel = Fit(W(w => w.CompactFrameLabel(i)), x - start), TinyLabel = Fit(W(w => w.TinyFrameLabel(i)), x - start) });
            x += Gap;
        }

        // Row A: the message as the kernel sent it, one part after another.
        var kernel = new List<MapBox>();
        var kernelBands = new List<MapBand>();
        x = 0;
        foreach (MessagePart part in m.Parts)
        {
            string kind = PartKind(part.Name);
            double width = Width(part.Length, kind, scale);
            kernel.Add(new MapBox($"k-{part.Name}", x, width, kind, Fit(W(w => w.PartLabel(part)), width), W(w => w.PartTitle(part)), W(w => w.PartDetails(part))));
            int done = 0;
            foreach (BufferSpan span in part.Spans)
            {
                (double bx, double bw) = Range(placed, span);
                double top = x + (width * done / Math.Max(1, part.Length));
                double topWidth = width * span.Length / Math.Max(1, part.Length);
                kernelBands.Add(new MapBand(top, topWidth, bx, bw, kind));
                done += span.Length;
            }

            x += width;
        }

        // Row C: this op's heap allocations (a copy under what it copied) and the file's memory.
        var heap = new List<MapBox>();
        double cursor = 0;
        for (int i = 0; i < m.Buffers.Count; i++)
        {
            DaemonBuffer buffer = m.Buffers[i];
            if (!IsRowC(buffer.Kind))
            {
                continue;
            }

            HeapCopy? copy = m.Copies.FirstOrDefault(c => c.To == i);
            string kind = buffer.Kind == BufferKind.FileSystem ? "fs" : copy is not null ? "copy" : "heap";
            double width = Width(buffer.Size, buffer.Size <= SmallBytes ? "small" : kind, scale);
            double wanted = copy is { From.Count: > 0 } ? Range(placed, copy.From[0]).X : cursor;
            double at = Math.Max(wanted, cursor);
            placed.Add((i, 0, buffer.Size, at, width));
            var piece = new MapBox($"h{i}-0", at, width, kind, Fit(W(w => w.PieceLabel(kind, buffer.Size)), width), W(w => w.FrameTitle(i)), W(w => w.FrameDetails(i)))
            {
                Badge = width < BadgeWidth ? null : Badge(iovecsAt, i, 0, buffer.Size),
                TestId = kind == "copy" ? "heap-copy-buffer" : null,
            };
            heap.Add(new MapBox($"h{i}", at, width, FrameKind(buffer.Kind), Fit(width < BadgeWidth ? W(w => w.ShortFrameLabel(i)) : W(w => w.FrameLabel(i)), width), W(w => w.FrameTitle(i)), W(w => w.FrameDetails(i))) { Pieces = [piece], TestId = piece.TestId, CompactLabel = Fit(width < BadgeWidth ? W(w => w.ShortFrameLabel(i)) : W(w => w.CompactFrameLabel(i)), width), TinyLabel = Fit(W(w => w.ShortFrameLabel(i)), width) });
            cursor = at + width + Gap;
        }

        // Copies: from the pieces they read to the heap buffer they wrote.
        var copyBands = new List<MapBand>();
        var arrows = new List<MapArrow>();
        foreach ((HeapCopy copy, int n) in m.Copies.Select((c, n) => (c, n)))
        {
            (double hx, double hw) = Range(placed, new BufferSpan(copy.To, 0, copy.Bytes));
            int done = 0;
            foreach (BufferSpan from in copy.From)
            {
                (double fx, double fw) = Range(placed, from);
                copyBands.Add(new MapBand(fx, fw, hx + (hw * done / Math.Max(1, copy.Bytes)), hw * from.Length / Math.Max(1, copy.Bytes), "copy"));
                done += from.Length;
            }

            arrows.Add(new MapArrow($"c{n}", hx + (hw / 2), W(w => w.CopyLabel(copy)), W(w => w.CopyTitle(copy)), W(w => w.CopyDetails(copy))));
        }

        // Row D: the reply's iovecs, each under the memory it points into when there is room.
        var reply = new List<MapBox>();
        var replyBands = new List<MapBand>();
        cursor = 0;
        foreach ((ReplyIovec iovec, int n) in m.Reply.Select((v, n) => (v, n)))
        {
            bool header = m.Buffers[iovec.Target.Buffer].Kind == BufferKind.OutHeader;
            string kind = header ? "hdr" : "iov";
            double width = Width(iovec.Length, kind, scale);
            (double tx, double tw) = header ? (0, 0) : Range(placed, iovec.Target);
            double at = Math.Max(header ? 0 : tx, cursor);
            reply.Add(new MapBox($"r{n}", at, width, kind, Fit(W(w => w.IovecLabel(n, iovec, width < BadgeWidth)), width), W(w => w.IovecTitle(n, iovec)), W(w => w.IovecDetails(n, iovec))) { TestId = "reply-iovec" });
            if (!header)
            {
                replyBands.Add(new MapBand(tx, tw, at, width, "iov"));
            }

            cursor = at + width + Gap;
        }

        return new MessageMap(W(w => w.Caption()), W(w => w.ScaleNote(scale)))
        {
            Kernel = kernel, KernelToBuffers = kernelBands, Buffers = frames, CopyBands = copyBands, Copies = arrows, Heap = heap, ReplyBands = replyBands, Reply = reply,
        };
    }

    private static string Fit(string label, double width) => width < LabelWidth ? "" : label;

    private static bool IsRowB(BufferKind kind) => kind is BufferKind.InMessage or BufferKind.Block0 or BufferKind.PoolBlock or BufferKind.BorrowedBlock;

    private static bool IsRowC(BufferKind kind) => kind is BufferKind.Heap or BufferKind.FileSystem;

    private static string FrameKind(BufferKind kind) => kind switch
    {
        BufferKind.InMessage => "frame inmessage",
        BufferKind.Block0 => "frame block0",
        BufferKind.PoolBlock => "frame pooled",
        BufferKind.BorrowedBlock => "frame borrowed",
        BufferKind.FileSystem => "frame file",
        _ => "frame heap",
    };

    private static string PartKind(string part) => part switch
    {
        "fuse_in_header" => "hdr",
        "payload" => "payload",
        _ => "op",
    };

    private static double Width(int bytes, string kind, double scale) =>
        kind is "hdr" or "op" or "small" || (bytes <= SmallBytes && kind is not "free") ? Math.Max(bytes * scale, SmallWidth) : bytes * scale;

    /// <summary>A buffer's bytes in order: the message's parts, a READ's destination, and the free bytes between and after.</summary>
    private static List<(int Offset, int Length, string Kind)> PiecesOf(MessageView m, int buffer, int size)
    {
        var used = new List<(int Offset, int Length, string Kind)>();
        foreach (MessagePart part in m.Parts)
        {
            used.AddRange(part.Spans.Where(s => s.Buffer == buffer).Select(s => (s.Offset, s.Length, PartKind(part.Name))));
        }

        if (m.Opcode == "READ")
        {
            used.AddRange(m.Handed.Where(s => s.Buffer == buffer).Select(s => (s.Offset, s.Length, "dst")));
        }

        var pieces = new List<(int Offset, int Length, string Kind)>();
        int at = 0;
        foreach ((int offset, int length, string kind) in used.OrderBy(u => u.Offset))
        {
            if (offset > at)
            {
                pieces.Add((at, offset - at, "free"));
            }

            pieces.Add((offset, length, kind));
            at = offset + length;
        }

        if (at < size)
        {
            pieces.Add((at, size - at, "free"));
        }

        return pieces;
    }

    /// <summary>Where bytes of a buffer were drawn: from the x of their first byte to the x after their last.</summary>
    private static (double X, double Width) Range(List<(int Buffer, int Offset, int Length, double X, double Width)> placed, BufferSpan span)
    {
        double start = At(placed, span.Buffer, span.Offset, false);
        double end = At(placed, span.Buffer, span.Offset + span.Length, true);
        return (start, Math.Max(0, end - start));
    }

    private static double At(List<(int Buffer, int Offset, int Length, double X, double Width)> placed, int buffer, int offset, bool end)
    {
        foreach ((int b, int o, int length, double x, double width) in placed)
        {
            if (b == buffer && offset >= o && (end ? offset <= o + length && offset > o : offset < o + length))
            {
                return x + (width * (offset - o) / Math.Max(1, length));
            }
        }

        // An empty span, or one past what was drawn: the buffer's edge.
        var mine = placed.Where(p => p.Buffer == buffer).ToList();
        return mine.Count == 0 ? 0 : end || offset > 0 ? mine.Max(p => p.X + p.Width) : mine.Min(p => p.X);
    }

    /// <summary>Which reply iovecs start in which piece of which buffer.</summary>
    private static Dictionary<(int Buffer, int Offset), List<int>> IovecTargets(MessageView m)
    {
        var targets = new Dictionary<(int, int), List<int>>();
        for (int n = 0; n < m.Reply.Count; n++)
        {
            BufferSpan t = m.Reply[n].Target;
            if (!targets.TryGetValue((t.Buffer, t.Offset), out List<int>? list))
            {
                targets[(t.Buffer, t.Offset)] = list = [];
            }

            list.Add(n);
        }

        return targets;
    }

    private static string? Badge(Dictionary<(int Buffer, int Offset), List<int>> targets, int buffer, int offset, int length)
    {
        int[] hits = [.. targets.Where(t => t.Key.Buffer == buffer && t.Key.Offset >= offset && t.Key.Offset < offset + Math.Max(1, length)).SelectMany(t => t.Value).Order()];
        return hits.Length == 0 ? null : "iov " + string.Join(", ", hits);
    }
}
