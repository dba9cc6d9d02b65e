namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// The daemon side of a connection: connection.go's ReadOp and Reply with conversions.go's READ
/// and WRITE decisions, for master and for PR #198, serving <see cref="MemFs"/>. Freelists are
/// LIFO and never shrink (master); PR #198 allocates blocks before each read and frees them when
/// the message goes back. Ops are served by the caller (one handler per op, as ServeOps does); an
/// opcode it does not convert is an unknownOp, answered ENOSYS. The device is a real /dev/fuse or
/// the simulated kernel's socket pair.
/// </summary>
public sealed class FuseDaemon(FuseMountConfig config, IFuseDevice device, MemFs fs, MemFsInodes? inodes = null)
{
    private readonly Stack<InMessage> _inFree = new();
    private readonly Stack<VectoredInMessage> _vectoredFree = new();
    private readonly Dictionary<ulong, FuseOp> _inFlight = [];

    public FuseMountConfig Config { get; } = config;

    public BlockPools Pools { get; } = new(config.PageSize);

    public MemFs FileSystem { get; } = fs;

    /// <summary>memfs's inode ops (LOOKUP, GETATTR, OPEN, ...) for its one file.</summary>
    public MemFsInodes Inodes { get; } = inodes ?? new MemFsInodes(fs, "file");

    public bool Initialized { get; private set; }

    /// <summary>What the kernel's INIT said (the first 16 bytes of fuse_init_in, all the library reads) and how many bytes its init_in had.</summary>
    public (InitIn Request, int Bytes)? KernelInit { get; private set; }

    /// <summary>The INIT reply sent.</summary>
    public InitOut? InitReply { get; private set; }

    /// <summary>The header of the last message read (a recording sees the ops ReadOp handles itself: INIT, FORGET, INTERRUPT).</summary>
    public InHeader? LastHeader { get; private set; }

    /// <summary>Our heap counters: InMessages made, Grow, heap fallbacks and fresh pool blocks.</summary>
    public long HeapBytes { get; private set; }

    /// <summary>Payload bytes the library copied in user space (ConsumeBytes across blocks).</summary>
    public long LibraryBytesCopied { get; private set; }

    public int InMessagesAllocated { get; private set; }

    /// <summary>Messages never given back: a failed conversion (ReadOp returns the error without putInMessage) or an INTERRUPT (handled inline, then dropped). The garbage collector takes them; they pin nothing.</summary>
    public int MessagesDropped { get; private set; }

    public int FreeInMessages => Config.Variant == FuseVariant.Pr198 ? _vectoredFree.Count : _inFree.Count;

    public int InFlight => _inFlight.Count;

    public int WritevElements { get; private set; }

    /// <summary>READs whose destination was nil (master's GetFree did not fit: the #189 condition).</summary>
    public int DstNil { get; private set; }

    /// <summary>Bytes pinned by InMessages: master's storage for every message made (the freelist never shrinks); PR #198's blocks held now.</summary>
    public long PinnedBytes => Config.Variant == FuseVariant.Pr198
        ? _inFlight.Values.Sum(o => o.PinnedBytes)
        : (long)(InMessagesAllocated - MessagesDropped) * Config.InMessageSize;

    /// <summary>ReadOp: read one request and convert it. INIT is answered here; FORGET, BATCH_FORGET and INTERRUPT need no reply. A malformed message throws <see cref="FuseProtocolException"/>; ENODEV throws <see cref="FuseUnmountedException"/>.</summary>
    public FuseOp? ReadOp()
    {
        FuseOp op = Config.Variant == FuseVariant.Pr198 ? ReadVectored() : ReadContiguous();
        switch (op.Header.Opcode)
        {
            case FuseOpcode.Init:
                Init(op);
                return null;
            case FuseOpcode.Interrupt:
                // The target's context is cancelled; the INTERRUPT's own messages are not returned (as upstream).
                if (_inFlight.TryGetValue(op.Offset, out FuseOp? target))
                {
                    target.Interrupted = true;
                }

                MessagesDropped++;
                return null;
            case FuseOpcode.Forget:
            case FuseOpcode.BatchForget:
                Release(op); // ForgetInode runs inline and sends no reply
                return null;
            default:
                if (!_inFlight.TryAdd(op.Header.Unique, op))
                {
                    throw new FusePanicException($"beginOp: duplicate unique {op.Header.Unique}");
                }

                return op;
        }
    }

    /// <summary>Serves an op on the file system and sends its reply (writev), then returns the messages. READ and WRITE go to memfs's data; the rest to its inodes, ENOSYS for an unknownOp.</summary>
    public void Serve(FuseOp op)
    {
        int errno;
        try
        {
            errno = op.Header.Opcode switch
            {
                FuseOpcode.Read => ServeRead(op),
                FuseOpcode.Write => ServeWrite(op),
                _ => Inodes.Answer(op.Header, op.Body.Span, op.Reply),
            };
        }
        catch (FuseErrnoException e)
        {
            errno = e.Errno;
        }

        if (errno != 0)
        {
            op.Reply.ShrinkTo(FuseWire.OutHeaderSize);
            op.Reply.Header = new OutHeader(FuseWire.OutHeaderSize, -errno, op.Header.Unique);
        }
        else
        {
            op.Reply.Header = new OutHeader((uint)op.Reply.Len, 0, op.Header.Unique);
        }

        Send(op.Reply);
        _inFlight.Remove(op.Header.Unique);
        Release(op);
    }

    private int ServeRead(FuseOp op)
    {
        int bytesRead = 0;
        if (FileSystem.ReadsFromData)
        {
            IReadOnlyList<ReadOnlyMemory<byte>> data = FileSystem.ReadData((long)op.Offset, op.Size); // the reply prefers Data
            bytesRead = data.Sum(d => d.Length);
            op.Reply.Append([.. data]);
        }
        else if (op.DstBufs is { } bufs)
        {
            bytesRead = FileSystem.ReadVector(bufs, (long)op.Offset);
            op.Reply.Append([.. bufs.Select(b => (ReadOnlyMemory<byte>)b)]);
        }
        else if (op.Dst is { } dst)
        {
            bytesRead = FileSystem.ReadAt(dst.Span, (long)op.Offset);
            op.Reply.Append(dst);
        }
        else
        {
            DstNil++; // nothing to read into: 0 bytes
        }

        op.Reply.ShrinkTo(FuseWire.OutHeaderSize + bytesRead);
        return 0;
    }

    private int ServeWrite(FuseOp op)
    {
        int written = op.DataBlocks is { } blocks ? FileSystem.WriteBlocksAt(blocks, (long)op.Offset) : FileSystem.WriteAt(op.Data!.Value.Span, (long)op.Offset);
        byte[] body = op.Reply.Grow(FuseWire.WriteOutSize);
        HeapBytes += FuseWire.WriteOutSize;
        FuseWire.Put(body, 0, (uint)Math.Min(written, op.TotalSize));
        return 0;
    }

    private void Init(FuseOp op)
    {
        InitIn kernel = InitIn.Read(op.Message is { } m ? m.Consume(FuseWire.InitInSize)!.Value.Span : op.Blocks!.Consume(FuseWire.InitInSize)!.Value.Span);
        KernelInit = (kernel, (int)op.Header.Len - FuseWire.InHeaderSize);
        try
        {
            InitOut reply = InitNegotiation.Reply(kernel, Config);
            InitReply = reply;
            byte[] body = op.Reply.Grow(FuseWire.InitOutSize);
            reply.Write(body);
            op.Reply.Header = new OutHeader((uint)op.Reply.Len, 0, op.Header.Unique);
            Initialized = true;
        }
        catch (FuseProtocolException)
        {
            op.Reply.Header = new OutHeader(FuseWire.OutHeaderSize, -71, op.Header.Unique); // EPROTO
            Send(op.Reply);
            Release(op);
            throw;
        }

        Send(op.Reply);
        Release(op);
    }

    private void Send(OutMessage reply)
    {
        if (reply.Sglist is { } sglist)
        {
            WritevElements += device.Writev(sglist);
        }
        else
        {
            WritevElements += device.Writev([reply.Flatten()]); // the plain 16-byte write
        }
    }

    private FuseOp ReadContiguous()
    {
        if (!_inFree.TryPop(out InMessage? message))
        {
            message = new InMessage(Config.InMessageSize);
            InMessagesAllocated++;
            HeapBytes += Config.InMessageSize;
        }

        try
        {
            message.Init(device.Read);
        }
        catch (Exception)
        {
            _inFree.Push(message); // readMessage gives the message back when the read fails
            throw;
        }

        LastHeader = message.Header;
        return ConvertOrDrop(message.Header, message, null);
    }

    private FuseOp ReadVectored()
    {
        if (!_vectoredFree.TryPop(out VectoredInMessage? message))
        {
            message = new VectoredInMessage(Pools);
            InMessagesAllocated++;
        }

        long freshBefore = FreshPoolBytes;
        message.AllocBlocks(Config.InMessageSize);
        HeapBytes += FreshPoolBytes - freshBefore;
        try
        {
            message.Init(device.Readv);
        }
        catch (Exception)
        {
            message.FreeBlocks();
            _vectoredFree.Push(message);
            throw;
        }

        LastHeader = message.Header;
        return ConvertOrDrop(message.Header, null, message);
    }

    /// <summary>ReadOp's conversion: when it fails, the message is not given back (upstream returns the error without putInMessage).</summary>
    private FuseOp ConvertOrDrop(InHeader header, InMessage? message, VectoredInMessage? blocks)
    {
        try
        {
            return Convert(header, message, blocks);
        }
        catch (FuseProtocolException)
        {
            MessagesDropped++;
            throw;
        }
    }

    private FuseOp Convert(InHeader header, InMessage? message, VectoredInMessage? blocks)
    {
        Memory<byte>? Consume(int k) => message is not null ? message.Consume(k) : blocks!.Consume(k);
        switch (header.Opcode)
        {
            case FuseOpcode.Read:
                ReadIn read = ReadIn.Read((Consume(FuseWire.ReadInSize) ?? throw Corrupt("OpRead")).Span);
                int size = (int)read.Size;
                if (message is not null)
                {
                    return new FuseOp { Header = header, Offset = read.Offset, Size = size, Flags = read.ReadFlags, Message = message, Dst = message.GetFree(size) };
                }

                long heapBefore = blocks!.HeapBytes, freshBefore = FreshPoolBytes;
                FuseOp op = Config.EnableVectoredReads && size > Pools.MiBPlusPageSize
                    ? new FuseOp { Header = header, Offset = read.Offset, Size = size, Flags = read.ReadFlags, Blocks = blocks, DstBufs = blocks.GetFreeVector(size) }
                    : new FuseOp { Header = header, Offset = read.Offset, Size = size, Flags = read.ReadFlags, Blocks = blocks, Dst = blocks.GetFree(size) };
                HeapBytes += blocks.HeapBytes - heapBefore + FreshPoolBytes - freshBefore;
                return op;
            case FuseOpcode.Write:
                ReadIn write = ReadIn.Read((Consume(FuseWire.WriteInSize) ?? throw Corrupt("OpWrite")).Span);
                if (message is not null)
                {
                    Memory<byte> data = message.ConsumeBytes(message.Len)!.Value;
                    return data.Length < write.Size ? throw Corrupt("OpWrite") : new FuseOp { Header = header, Offset = write.Offset, Size = (int)write.Size, Flags = write.ReadFlags, Message = message, Data = data };
                }

                if (Config.EnableVectoredWrites && blocks!.Len > Pools.MiBPlusPageSize)
                {
                    IReadOnlyList<Memory<byte>> vector = blocks.ConsumeVector(blocks.Len)!;
                    return vector.Sum(v => v.Length) < write.Size ? throw Corrupt("OpWrite") : new FuseOp { Header = header, Offset = write.Offset, Size = (int)write.Size, Flags = write.ReadFlags, Blocks = blocks, DataBlocks = vector };
                }

                long before = blocks!.HeapBytes, copiedBefore = blocks.BytesCopied;
                Memory<byte> payload = blocks.ConsumeBytes(blocks.Len)!.Value;
                HeapBytes += blocks.HeapBytes - before;
                LibraryBytesCopied += blocks.BytesCopied - copiedBefore;
                return payload.Length < write.Size ? throw Corrupt("OpWrite") : new FuseOp { Header = header, Offset = write.Offset, Size = (int)write.Size, Flags = write.ReadFlags, Blocks = blocks, Data = payload };
            case FuseOpcode.Interrupt:
                ulong target = FuseWire.U64((Consume(8) ?? throw Corrupt("OpInterrupt")).Span, 0);
                return new FuseOp { Header = header, Offset = target, Message = message, Blocks = blocks };
            case FuseOpcode.Init:
            case FuseOpcode.Forget:
            case FuseOpcode.BatchForget:
                return new FuseOp { Header = header, Message = message, Blocks = blocks };
            default:
                // The inode ops and unknownOp: the rest of the message is the op's body (within block 0 on PR #198).
                int rest = message?.Len ?? blocks!.Len;
                Memory<byte> body = (message is not null ? message.ConsumeBytes(rest) : blocks!.ConsumeBytes(rest)) ?? Memory<byte>.Empty;
                return new FuseOp { Header = header, Message = message, Blocks = blocks, Body = body };
        }
    }

    /// <summary>Bytes the two pools have allocated fresh so far (their alloc callbacks).</summary>
    private long FreshPoolBytes => (long)Pools.OneMiB.FreshAllocations * Pools.OneMiB.BlockSize + (long)Pools.OneMiBPlusPage.FreshAllocations * Pools.OneMiBPlusPage.BlockSize;

    private static FuseProtocolException Corrupt(string op) => new($"convertInMessage: Corrupt {op}");

    /// <summary>Returns the messages to their freelists (PR #198: FreeBlocks first, so an idle message holds nothing).</summary>
    private void Release(FuseOp op)
    {
        if (op.Message is { } message)
        {
            _inFree.Push(message);
        }
        else if (op.Blocks is { } blocks)
        {
            blocks.FreeBlocks();
            _vectoredFree.Push(blocks);
        }
    }
}
