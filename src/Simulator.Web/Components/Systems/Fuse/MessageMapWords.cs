using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>The words of the message map: labels drawn in the boxes, and the title and details each box shows when hovered or focused.</summary>
public sealed class MessageMapWords(MessageView m, bool sharedScale)
{
    private const int MiB = 1 << 20;

    private bool IsWrite => m.Opcode == "WRITE";

    /// <summary>"4 MiB", "1 MiB + 4 KiB", "80 B": the size a person reads.</summary>
    public static string Size(long bytes) =>
        bytes > MiB && bytes % 1024 == 0 && bytes % MiB != 0 && bytes / MiB < 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB + {bytes % MiB / 1024} KiB")
            : Units.Bytes(bytes);

    /// <summary>"1,052,592 B": the exact count.</summary>
    public static string Exact(long bytes) => Units.Count(bytes) + " B";

    public string Caption()
    {
        string what = $"{m.Opcode} #{m.Unique}";
        if (m.Copies.Count > 0)
        {
            long copied = m.Copies.Sum(c => (long)c.Bytes);
            return $"{what}: the {Size(Payload)} payload was read into {Blocks()}, then copied to the heap ({Size(copied)}) because it spans them.";
        }

        if (IsWrite)
        {
            return m.Handed.Count > 1
                ? $"{what}: the {Size(Payload)} payload was read into {Blocks()} and handed on as {m.Handed.Count} views (DataBlocks): no copy."
                : $"{what}: the {Size(Payload)} payload was read into {Blocks()} and handed on as a view (Data): no copy.";
        }

        if (m.Reply.Skip(1).Any(r => Kind(r.Target.Buffer) == BufferKind.FileSystem))
        {
            return $"{what}: answered from the file's own memory (Data): no destination buffer was filled.";
        }

        if (m.Handed.Count == 0)
        {
            return $"{what} asks for {Size(m.OpSize)}: Dst is nil (GetFree({Size(m.OpSize)}) does not fit the free tail of {Name(0)}), so the reply carries no data.";
        }

        BufferKind where = Kind(m.Handed[0].Buffer);
        long size = m.Handed.Sum(h => (long)h.Length);
        return where switch
        {
            BufferKind.BorrowedBlock => $"{what}: {Size(size)} read into {m.Handed.Count} borrowed 1 MiB block(s) (DstBufs) and sent from there.",
            BufferKind.Heap => $"{what}: {Size(size)} do not fit block 0's free tail, so GetFree allocated them on the heap (no copy, but a fresh allocation).",
            _ => $"{what}: {Size(size)} read into the free tail of {Name(m.Handed[0].Buffer)} (Dst) and sent from there.",
        };
    }

    public string ScaleNote(double scale) => scale <= 0
        ? ""
        : $"To scale: the full width is {Size((long)Math.Round(100 / scale))}{(sharedScale ? " in both runs" : "")}. Structs of {MessageMapLayout.SmallBytes} B or less (headers, fuse_write_out) are drawn wider than their bytes so they can be seen.";

    public string PartLabel(MessagePart part) => part.Name switch
    {
        "fuse_in_header" => "hdr",
        "payload" => $"payload {Size(part.Length)}",
        _ => "op",
    };

    public string PartTitle(MessagePart part) => $"{part.Name} · {Size(part.Length)} ({Exact(part.Length)})";

    public string PartDetails(MessagePart part) => part.Name switch
    {
        "fuse_in_header" => $"The kernel's request header: len {Units.Count(m.RequestBytes)}, opcode {m.Opcode}, unique {m.Unique}, nodeid, uid, gid, pid. The read put it in {Where(part.Spans)}.",
        "fuse_write_in" => $"fh, offset, size, write_flags, lock_owner, flags: where and how much to write. In {Where(part.Spans)}.",
        "fuse_read_in" => $"fh, offset, size, read_flags, lock_owner, flags: where and how much to read. In {Where(part.Spans)}; the data travels in the reply, not in this message.",
        "payload" => $"The bytes to write, right after fuse_write_in. The read spread them over {Where(part.Spans)}.",
        _ => $"In {Where(part.Spans)}.",
    };

    public string FrameLabel(int buffer) => $"{Name(buffer)} · {Size(m.Buffers[buffer].Size)}";

    /// <summary>A frame's label when the frame is drawn narrow: "#1 · 1 MiB" for block 1, "heap copy · 4 MiB", "heap · 8 B".</summary>
    public string CompactFrameLabel(int buffer)
    {
        string name = Name(buffer);
        string compact = name.StartsWith("block ", StringComparison.Ordinal) ? "#" + name["block ".Length..]
            : name.IndexOf(" (", StringComparison.Ordinal) is var paren and > 0 ? name[..paren]
            : name;
        return $"{compact} · {Size(m.Buffers[buffer].Size)}";
    }

    /// <summary>A very narrow frame's label: "#1" for block 1, else what a narrow heap frame shows.</summary>
    public string TinyFrameLabel(int buffer) =>
        Name(buffer).StartsWith("block ", StringComparison.Ordinal) ? "#" + Name(buffer)["block ".Length..] : ShortFrameLabel(buffer);

    /// <summary>A narrow heap frame's label: what it holds in a word.</summary>
    public string ShortFrameLabel(int buffer) => m.Buffers[buffer].Name.Contains("Grow", StringComparison.Ordinal) ? "Grow" : Size(m.Buffers[buffer].Size);

    public string FrameTitle(int buffer) => $"{Name(buffer)} · {Size(m.Buffers[buffer].Size)} ({Exact(m.Buffers[buffer].Size)})";

    public string FrameDetails(int buffer)
    {
        DaemonBuffer b = m.Buffers[buffer];
        string used = Used(buffer) is var u and > 0 ? $" The message fills {Exact(u)} of it; {Exact(b.Size - u)} are free." : "";
        return b.Kind switch
        {
            BufferKind.InMessage => $"master's contiguous buffer (page size + 1 MiB), allocated on the heap when an op first needs one and reused from the freelist after.{used}",
            BufferKind.Block0 => $"From BlockPool1MPlusPage (1 MiB + page), taken by AllocBlocks before the read; it always holds the header.{used}",
            BufferKind.PoolBlock => $"From BlockPool1M, taken by AllocBlocks before the read so that one readv can fill the blocks in order.{used}",
            BufferKind.BorrowedBlock => "Borrowed from BlockPool1M by GetFreeVector for the READ's destination (DstBufs): the file system reads into it and the reply sends it. It goes back to the pool with the message.",
            BufferKind.FileSystem => "The file system's own memory: the READ was answered by setting Data to slices of the file, which the reply sends without a copy.",
            _ when m.Copies.Any(c => c.To == buffer) => $"Allocated for this op: the payload spans {m.Copies.First(c => c.To == buffer).From.Count} blocks and was not taken as DataBlocks (vectored writes off, or not over 1 MiB + page), so ConsumeBytes, which returns one contiguous slice, allocates {Size(b.Size)} on the heap and copies the payload into it. The file system gets this copy as Data; it is garbage once the op replies.",
            _ when b.Name.Contains("Grow", StringComparison.Ordinal) => "The WRITE's reply body (the bytes written), allocated on the heap by OutMessage.Grow for every WRITE.",
            _ when b.Name.Contains("GetFree", StringComparison.Ordinal) => $"The READ's {Size(b.Size)} do not fit block 0's free tail, so GetFree allocates them on the heap (master returns nil here). The file system reads into it; the library copies nothing.",
            _ => "Allocated on the heap for this op.",
        };
    }

    public string PieceLabel(string kind, int length) => kind switch
    {
        "hdr" => "hdr",
        "op" => "op",
        "payload" => "payload",
        "dst" => "Dst",
        "free" => "free",
        "copy" => $"copy {Size(length)}",
        "fs" => "file",
        _ => length <= MessageMapLayout.SmallBytes ? $"{Size(length)}" : $"heap {Size(length)}",
    };

    public string PieceTitle(int buffer, int offset, int length, string kind) => kind switch
    {
        "free" => $"free · {Exact(length)} of {Name(buffer)}",
        "dst" => $"Dst · {Size(length)} of {Name(buffer)}, bytes {Units.Count(offset)}–{Units.Count(offset + length - 1)}",
        _ => $"{PieceLabel(kind, length)} · {Exact(length)} in {Name(buffer)}, bytes {Units.Count(offset)}–{Units.Count(offset + length - 1)}",
    };

    public string PieceDetails(int buffer, int offset, int length, string kind) => kind switch
    {
        "free" => "Bytes of this buffer the message does not use.",
        "dst" => Kind(buffer) == BufferKind.BorrowedBlock
            ? "DstBufs: the file system reads into this borrowed block and the reply's writev sends it from here."
            : "Dst: GetFree hands the free bytes after the message to the READ; the file system reads into them and the reply sends them from here.",
        "payload" when m.Copies.Count > 0 => "Payload bytes as the read left them. ConsumeBytes copies them to the heap because the payload spans blocks; the file system never sees them here.",
        "payload" when m.Handed.Count > 1 => "Payload bytes as the read left them. DataBlocks points here: the file system writes from these blocks, no copy.",
        "payload" => "Payload bytes as the read left them. Data is a view of them: the file system writes from here, no copy.",
        "hdr" => "fuse_in_header, where the read put it.",
        _ => "The op's own struct, right after the header.",
    };

    public string CopyLabel(HeapCopy copy) => $"copy {Size(copy.Bytes)}";

    public string CopyTitle(HeapCopy copy) => $"{copy.By} copied {Size(copy.Bytes)} ({Exact(copy.Bytes)}) to the heap";

    public string CopyDetails(HeapCopy copy) =>
        $"Copied from {Where(copy.From)} into {Name(copy.To)}. A user-space copy of every payload byte, because ConsumeBytes returns one contiguous slice, and the payload spans blocks.";

    public string IovecLabel(int n, ReplyIovec iovec, bool narrow) => n == 0 ? "hdr" : narrow ? $"#{n}" : $"iov {n} · {Size(iovec.Length)}";

    public string IovecTitle(int n, ReplyIovec iovec) => n == 0
        ? $"iov 0 · fuse_out_header · {Exact(iovec.Length)}"
        : $"iov {n} · {Size(iovec.Length)} → {Name(iovec.Target.Buffer)}";

    public string IovecDetails(int n, ReplyIovec iovec) => n == 0
        ? $"The OutMessage's own 16-byte header: len {Units.Count(m.Reply.Sum(r => (long)r.Length))}, error, unique {m.Unique}. The reply is one writev of {m.Reply.Count} iovec(s)."
        : $"writev sends {Exact(iovec.Length)} from {Where([iovec.Target])}, without copying them.";

    private long Payload => m.Parts.Where(p => p.Name == "payload").Sum(p => (long)p.Length);

    private string Blocks()
    {
        int count = m.Buffers.Count(b => b.Kind is BufferKind.Block0 or BufferKind.PoolBlock);
        return count == 0 ? "one InMessage" : count == 1 ? "block 0" : $"{count} blocks";
    }

    private int Used(int buffer) => m.Parts.SelectMany(p => p.Spans).Where(s => s.Buffer == buffer).Sum(s => s.Length);

    private BufferKind Kind(int buffer) => m.Buffers[buffer].Kind;

    private string Name(int buffer) => m.Buffers[buffer].Name;

    /// <summary>"block 0 (bytes 80–1,052,671), block 1 (all 1 MiB)".</summary>
    private string Where(IReadOnlyList<BufferSpan> spans) => string.Join(", ", spans.Select(s =>
        s.Offset == 0 && s.Length == m.Buffers[s.Buffer].Size
            ? $"{Name(s.Buffer)} (all {Size(s.Length)})"
            : $"{Name(s.Buffer)} (bytes {Units.Count(s.Offset)}–{Units.Count(s.Offset + s.Length - 1)})"));
}
