using System.Runtime.InteropServices;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// Lays an op's bytes onto the memory that holds them, for the picture: every view, copy and
/// iovec is traced to the array it points into (by reference), so the drawing shows what the
/// daemon did, not what it should have done. Made before the op is served (its blocks go back
/// to the pools when it replies); <see cref="Replied"/> then reads the reply's scatter-gather list.
/// </summary>
internal sealed class MessageMapper
{
    private readonly FuseOp _op;
    private readonly MemFs _fs;
    private readonly List<DaemonBuffer> _buffers = [];
    private readonly List<byte[]> _arrays = [];

    /// <summary>The buffers the kernel's message was read into, in readv order.</summary>
    private readonly int _messageBuffers;

    public MessageMapper(FuseOp op, MemFs fs)
    {
        _op = op;
        _fs = fs;
        if (op.Message is { } message)
        {
            Add(message.Storage, BufferKind.InMessage, "InMessage");
        }
        else if (op.Blocks is { } blocks)
        {
            for (int i = 0; i < blocks.Blocks.Count; i++)
            {
                Add(blocks.Blocks[i], i == 0 ? BufferKind.Block0 : BufferKind.PoolBlock, $"block {i}");
            }
        }

        _messageBuffers = _buffers.Count;
        if (op.Blocks is { } held)
        {
            for (int i = 0; i < held.BorrowedBlocks.Count; i++)
            {
                Add(held.BorrowedBlocks[i], BufferKind.BorrowedBlock, $"borrowed block {i + 1}");
            }

            foreach ((byte[] to, _) in held.Copies)
            {
                Add(to, BufferKind.Heap, "heap copy (ConsumeBytes)");
            }
        }
    }

    /// <summary>The message as read and converted: its parts, what the file system got, and the copies made.</summary>
    public MessageView View(string buffer)
    {
        int size = _op.Message?.Size ?? _op.Blocks!.Size;
        var parts = new List<MessagePart> { Part("fuse_in_header", 0, FuseWire.InHeaderSize) };
        int body = size - FuseWire.InHeaderSize;
        switch (_op.Header.Opcode)
        {
            case FuseOpcode.Read:
                parts.Add(Part("fuse_read_in", FuseWire.InHeaderSize, Math.Min(body, FuseWire.ReadInSize)));
                break;
            case FuseOpcode.Write:
                parts.Add(Part("fuse_write_in", FuseWire.InHeaderSize, Math.Min(body, FuseWire.WriteInSize)));
                if (body > FuseWire.WriteInSize)
                {
                    parts.Add(Part("payload", FuseWire.InHeaderSize + FuseWire.WriteInSize, body - FuseWire.WriteInSize));
                }

                break;
            default:
                if (body > 0)
                {
                    parts.Add(Part("body", FuseWire.InHeaderSize, body));
                }

                break;
        }

        List<BufferSpan> handed = _op switch
        {
            { DstBufs: { } bufs } => [.. bufs.Select(b => Locate(b, BufferKind.Heap, "heap"))],
            { Header.Opcode: FuseOpcode.Read, Dst: { } dst } => [Locate(dst, BufferKind.Heap, "heap (GetFree)")],
            { DataBlocks: { } blocks } => [.. blocks.Select(b => Locate(b, BufferKind.Heap, "heap"))],
            { Header.Opcode: FuseOpcode.Write, Data: { } data } => [Locate(data, BufferKind.Heap, "heap")],
            _ => [],
        };

        List<HeapCopy> copies = _op.Blocks is { } held
            ? [.. held.Copies.Select(c => new HeapCopy([.. c.From.Select(p => Locate(p, BufferKind.Heap, "heap"))], IndexOf(c.To), c.To.Length, "ConsumeBytes"))]
            : [];

        var blocksView = new List<BlockView>();
        int left = size;
        for (int i = 0; i < _messageBuffers; i++)
        {
            int used = Math.Clamp(left, 0, _buffers[i].Size);
            blocksView.Add(new BlockView(_buffers[i].Size, used));
            left -= used;
        }

        return new MessageView(_op.Header.Unique, _op.Header.Opcode.ToString().ToUpperInvariant(), size, buffer, blocksView, [], _op.Blocks?.BorrowedBlocks.Count ?? 0)
        {
            OpSize = _op.Size, Buffers = [.. _buffers], Parts = parts, Handed = handed, Copies = copies,
        };
    }

    /// <summary>The view once the op replied: each writev element traced to its memory (the first is the OutMessage's header; a nil list is one 16-byte write).</summary>
    public MessageView Replied(MessageView view, OutMessage reply)
    {
        List<ReadOnlyMemory<byte>> sglist = reply.Sglist ?? [new byte[FuseWire.OutHeaderSize]];
        var iovecs = new List<ReplyIovec>();
        for (int i = 0; i < sglist.Count; i++)
        {
            iovecs.Add(new ReplyIovec(sglist[i].Length, i == 0
                ? new BufferSpan(AddOnce(BufferKind.OutHeader, FuseWire.OutHeaderSize, "OutMessage header"), 0, sglist[i].Length)
                : Locate(sglist[i], BufferKind.Heap, _op.Header.Opcode == FuseOpcode.Write ? "heap (Grow: fuse_write_out)" : "heap")));
        }

        return view with { Buffers = [.. _buffers], Reply = iovecs, ReplyIovecs = [.. iovecs.Select(v => v.Length)] };
    }

    /// <summary>Message bytes [start, start + length) over the buffers the read filled, in order.</summary>
    private MessagePart Part(string name, int start, int length)
    {
        var spans = new List<BufferSpan>();
        int position = 0;
        for (int i = 0; i < _messageBuffers && length > 0; i++)
        {
            int size = _buffers[i].Size;
            if (start < position + size)
            {
                int offset = start - position;
                int take = Math.Min(length, size - offset);
                spans.Add(new BufferSpan(i, offset, take));
                start += take;
                length -= take;
            }

            position += size;
        }

        return new MessagePart(name, spans.Sum(s => s.Length), spans);
    }

    /// <summary>Which buffer <paramref name="bytes"/> point into; an array not seen yet is memory of its own (the file's, or the heap's).</summary>
    private BufferSpan Locate(ReadOnlyMemory<byte> bytes, BufferKind kind, string name)
    {
        if (!MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment) || segment.Array is not { } array)
        {
            return new BufferSpan(AddOnce(kind, bytes.Length, name), 0, bytes.Length);
        }

        int index = IndexOf(array);
        if (index >= 0)
        {
            return new BufferSpan(index, segment.Offset, segment.Count);
        }

        if (_fs.OffsetOf(bytes) is { } fileOffset)
        {
            // The file is large; only the slice the reply sends is drawn, named by where it is in the file.
            return new BufferSpan(Add([], BufferKind.FileSystem, $"the file at {fileOffset}", segment.Count), 0, segment.Count);
        }

        return new BufferSpan(Add(array, kind, name), segment.Offset, segment.Count);
    }

    private int IndexOf(byte[] array)
    {
        for (int i = 0; i < _arrays.Count; i++)
        {
            if (ReferenceEquals(_arrays[i], array) && array.Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private int AddOnce(BufferKind kind, int size, string name)
    {
        int index = _buffers.FindIndex(b => b.Kind == kind && b.Name == name);
        return index >= 0 ? index : Add([], kind, name, size);
    }

    private int Add(byte[] array, BufferKind kind, string name, int? size = null)
    {
        _arrays.Add(array);
        _buffers.Add(new DaemonBuffer(kind, size ?? array.Length, name));
        return _buffers.Count - 1;
    }
}
