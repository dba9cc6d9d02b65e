using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// The kernel's side of the device, as far as the simulation needs it, calibrated on Linux 6.18:
/// it sends INIT as fuse_send_init does (7.45, a 64-byte fuse_init_in in a 104-byte message, its readahead window) and
/// reads the reply as process_init_reply does (max_write, max_pages against max_pages_limit, the
/// readahead window the lower of the two); it tells the device the read-buffer minimum that
/// fuse_dev_do_read enforces, keeps requests within max_write and max_pages, ends a request the
/// device failed (EIO), and checks every reply: its length, its error, and READ bytes against what the file holds.
/// </summary>
public sealed class SimulatedKernel(FuseChannel channel, int pageSize, int maxPagesLimit, byte[] shadow, int maxReadahead = LinuxInit.DefaultMaxReadahead)
{
    private readonly Dictionary<ulong, KernelRequest> _outstanding = [];
    private ulong _nextUnique = 1;
    private byte[] _replyBuffer = new byte[FuseWire.OutHeaderSize + FuseWire.InitOutSize];

    public KernelLimits? Limits { get; private set; }

    public int Outstanding => _outstanding.Count;

    /// <summary>Requests sent whose message the daemon has not read yet.</summary>
    public int Queued { get; set; }

    /// <summary>What the file holds, as the kernel knows it from the writes it sent (a write past the end grows it).</summary>
    public byte[] Shadow { get; private set; } = shadow;

    /// <summary>The readahead window the kernel offers in INIT (the bdi's read_ahead_kb).</summary>
    public int MaxReadahead { get; } = maxReadahead;

    /// <summary>FUSE_INIT as Linux 6.18 sends it; <paramref name="minor"/> other than 45 stands for an older kernel.</summary>
    public ulong SendInit(uint minor = LinuxInit.Minor)
    {
        byte[] message = new byte[FuseWire.InHeaderSize + FuseWire.KernelInitInSize];
        ulong unique = _nextUnique++;
        new InHeader((uint)message.Length, FuseOpcode.Init, unique, 0, 0, 0, 0).Write(message);
        new InitIn(LinuxInit.Major, minor, (uint)MaxReadahead, LinuxInit.Flags, LinuxInit.Flags2).WriteKernel(message.AsSpan(FuseWire.InHeaderSize));
        Send(message);
        return unique;
    }

    /// <summary>Reads the INIT reply and applies it (and the device's read-buffer minimum); an error reply (EPROTO) throws.</summary>
    public InitOut ReceiveInit()
    {
        int n = channel.KernelReceive(_replyBuffer);
        OutHeader header = OutHeader.Read(_replyBuffer);
        if (header.Error != 0 || n < FuseWire.OutHeaderSize + FuseWire.InitOutSize)
        {
            throw new FuseProtocolException($"INIT failed: error {header.Error}, {n} bytes");
        }

        InitOut reply = InitOut.Read(_replyBuffer.AsSpan(FuseWire.OutHeaderSize));
        Limits = InitNegotiation.Apply(reply, pageSize, maxPagesLimit, MaxReadahead);
        channel.MinReadBuffer = Limits.MinReadBuffer;
        _replyBuffer = new byte[FuseWire.OutHeaderSize + (int)Limits.MaxReadRequest];
        return reply;
    }

    /// <summary>The device ended <paramref name="failed"/> at the daemon's read: the request is over, with its error; null when the kernel expected no reply to it.</summary>
    public KernelRequest? EndFailed(FailedRequest failed) => _outstanding.Remove(failed.Unique, out KernelRequest? request) ? request : null;

    public KernelRequest SendRead(ulong offset, int size)
    {
        if (size > Limits!.MaxReadRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"a READ of {size} bytes exceeds max_pages ({Limits.MaxReadRequest} bytes)");
        }

        byte[] message = new byte[FuseWire.InHeaderSize + FuseWire.ReadInSize];
        var request = new KernelRequest(_nextUnique++, FuseOpcode.Read, offset, size, null);
        new InHeader((uint)message.Length, FuseOpcode.Read, request.Unique, 2, 0, 0, 1).Write(message);
        new ReadIn(1, offset, (uint)size).Write(message.AsSpan(FuseWire.InHeaderSize));
        return Track(request, message);
    }

    public KernelRequest SendWrite(ulong offset, byte[] payload)
    {
        if (payload.Length > Limits!.MaxWriteRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), $"a WRITE of {payload.Length} bytes exceeds max_write/max_pages ({Limits.MaxWriteRequest} bytes)");
        }

        byte[] message = new byte[FuseWire.InHeaderSize + FuseWire.WriteInSize + payload.Length];
        var request = new KernelRequest(_nextUnique++, FuseOpcode.Write, offset, payload.Length, payload);
        new InHeader((uint)message.Length, FuseOpcode.Write, request.Unique, 2, 0, 0, 1).Write(message);
        new ReadIn(1, offset, (uint)payload.Length).Write(message.AsSpan(FuseWire.InHeaderSize));
        payload.CopyTo(message, FuseWire.InHeaderSize + FuseWire.WriteInSize);
        return Track(request, message);
    }

    /// <summary>FORGET (no reply) or INTERRUPT of <paramref name="target"/> (no reply; the target still answers).</summary>
    public ulong SendNoReply(FuseOpcode opcode, ulong target)
    {
        byte[] message = new byte[FuseWire.InHeaderSize + 16];
        ulong unique = _nextUnique++;
        new InHeader((uint)message.Length, opcode, unique, 2, 0, 0, 1).Write(message);
        FuseWire.Put(message, FuseWire.InHeaderSize, target);
        Send(message);
        return unique;
    }

    /// <summary>Reads one reply and checks it; returns the request it answers and what was wrong, if anything.</summary>
    public (KernelRequest? Request, int Bytes, int Error, string? Problem) ReceiveReply()
    {
        int n = channel.KernelReceive(_replyBuffer);
        if (n < FuseWire.OutHeaderSize)
        {
            return (null, n, 0, $"a reply of {n} bytes is shorter than its header");
        }

        OutHeader header = OutHeader.Read(_replyBuffer);
        if (!_outstanding.Remove(header.Unique, out KernelRequest? request))
        {
            return (null, n, header.Error, $"a reply for unknown unique {header.Unique}");
        }

        int body = n - FuseWire.OutHeaderSize;
        string? problem = header.Len != n ? $"header.len {header.Len} but {n} bytes arrived" : null;
        if (problem is null && header.Error == 0)
        {
            problem = request.Opcode == FuseOpcode.Read ? CheckRead(request, body) : CheckWrite(request, body);
        }

        return (request, body, header.Error, problem);
    }

    private string? CheckRead(KernelRequest request, int body)
    {
        int expected = (int)Math.Clamp(Shadow.Length - (long)request.Offset, 0, request.Size);
        if (body != expected)
        {
            return $"READ of {request.Size} at {request.Offset} returned {body} bytes, the file holds {expected} there (premature EOF)";
        }

        return _replyBuffer.AsSpan(FuseWire.OutHeaderSize, body).SequenceEqual(Shadow.AsSpan((int)request.Offset, body))
            ? null
            : $"READ at {request.Offset} returned bytes that differ from the file";
    }

    private string? CheckWrite(KernelRequest request, int body)
    {
        uint size = body >= FuseWire.WriteOutSize ? FuseWire.U32(_replyBuffer, FuseWire.OutHeaderSize) : 0;
        if (size != request.Size)
        {
            return $"WRITE of {request.Size} bytes answered size {size}";
        }

        long end = (long)request.Offset + request.Size;
        if (end > Shadow.Length)
        {
            byte[] grown = new byte[end];
            Shadow.CopyTo(grown, 0);
            Shadow = grown; // memfs grew the file: the gap reads back as zeros
        }

        request.Payload!.CopyTo(Shadow, (int)request.Offset);
        return null;
    }

    private KernelRequest Track(KernelRequest request, byte[] message)
    {
        _outstanding[request.Unique] = request;
        Send(message);
        return request;
    }

    private void Send(byte[] message)
    {
        channel.KernelSend(message);
        Queued++;
    }
}
