using System.ComponentModel;
using System.Runtime.InteropServices;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>
/// A real file-descriptor pair standing in for /dev/fuse: an AF_UNIX SOCK_SEQPACKET socketpair, in
/// which every read returns exactly one message, as a read of /dev/fuse returns one request. The
/// kernel side writes requests and reads replies; the daemon side reads with read(2) or readv(2)
/// into its buffers and replies with writev(2), where jacobsa/fuse does. Linux only.
/// </summary>
[CheckpointShared]
public sealed class FuseChannel : IFuseDevice, IDisposable
{
    /// <summary>The most bytes a request may ever need (64 MiB, the scenarios' bound, plus a page of headers).</summary>
    private const int Ceiling = (64 << 20) + 4096;

    private static readonly Lazy<int> Largest = new(ProbeLargestMessage);

    [MachineValue]
    private readonly int _kernel;
    [MachineValue]
    private readonly int _daemon;

    /// <summary>
    /// The largest message this machine's socket pair carries, found once by sending (a SOCK_SEQPACKET
    /// message is one kernel allocation, so a large one can fail with ENOBUFS however big the socket
    /// buffers are). Scenarios whose requests could be larger are refused up front.
    /// </summary>
    public static int LargestMessage => Largest.Value;

    public FuseChannel(int maxMessageBytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the FUSE channel needs Linux (a SOCK_SEQPACKET socketpair, readv, writev)");
        }

        Span<int> fds = stackalloc int[2];
        if (FuseLibC.socketpair(FuseLibC.AfUnix, FuseLibC.SockSeqpacket, 0, fds) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "socketpair(AF_UNIX, SOCK_SEQPACKET) failed");
        }

        _kernel = fds[0];
        _daemon = fds[1];
        // A seqpacket message must fit the sender's buffer: ask for room for the largest one.
        int size = Math.Max(maxMessageBytes + 4096, 1 << 16);
        foreach (int fd in fds)
        {
            if (FuseLibC.setsockopt(fd, FuseLibC.SolSocket, FuseLibC.SoSndbufForce, ref size, sizeof(int)) != 0)
            {
                _ = FuseLibC.setsockopt(fd, FuseLibC.SolSocket, FuseLibC.SoSndbuf, ref size, sizeof(int)); // not root: capped at net.core.wmem_max
            }

            if (FuseLibC.setsockopt(fd, FuseLibC.SolSocket, FuseLibC.SoRcvbufForce, ref size, sizeof(int)) != 0)
            {
                _ = FuseLibC.setsockopt(fd, FuseLibC.SolSocket, FuseLibC.SoRcvbuf, ref size, sizeof(int));
            }
        }
    }

    /// <summary>The kernel queues one message.</summary>
    public unsafe void KernelSend(ReadOnlySpan<byte> message)
    {
        fixed (byte* p = message)
        {
            nint n = FuseLibC.write(_kernel, p, (nuint)message.Length);
            if (n != message.Length)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new Win32Exception(errno, errno == FuseLibC.Emsgsize
                    ? $"a {message.Length}-byte message does not fit this machine's socket buffers (raise net.core.wmem_max)"
                    : $"write of a {message.Length}-byte request failed");
            }
        }
    }

    private static int ProbeLargestMessage()
    {
        using var probe = new FuseChannel(Ceiling);
        byte[] sink = new byte[Ceiling];
        int fits = 1 << 16;
        int fails = Ceiling + 1;
        while (fails - fits > 4096)
        {
            int size = fits + ((fails - fits) / 2);
            if (probe.TrySend(size))
            {
                probe.KernelSendDrained(sink);
                fits = size;
            }
            else
            {
                fails = size;
            }
        }

        return fits;
    }

    private unsafe bool TrySend(int size)
    {
        byte* p = (byte*)NativeMemory.AllocZeroed((nuint)size);
        try
        {
            return FuseLibC.write(_kernel, p, (nuint)size) == size;
        }
        finally
        {
            NativeMemory.Free(p);
        }
    }

    /// <summary>Reads back, on the daemon's side, a probe message the kernel side sent.</summary>
    private unsafe void KernelSendDrained(byte[] sink)
    {
        fixed (byte* p = sink)
        {
            _ = FuseLibC.read(_daemon, p, (nuint)sink.Length);
        }
    }

    /// <summary>The kernel reads one reply into <paramref name="buffer"/>; returns its length.</summary>
    public unsafe int KernelReceive(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            nint n = FuseLibC.read(_kernel, p, (nuint)buffer.Length);
            return n >= 0 ? (int)n : throw new Win32Exception(Marshal.GetLastPInvokeError(), "read of a reply failed");
        }
    }

    /// <summary>
    /// Takes every message queued in the socket pair and not read yet, in order: requests the
    /// daemon has not read and replies the kernel has not read (a checkpoint keeps them: a socket's
    /// buffer cannot be copied). The pair is empty afterwards; <see cref="Put"/> queues them again.
    /// </summary>
    public QueuedMessages TakeAll() => new(Drain(_daemon), Drain(_kernel));

    /// <summary>Queues <paramref name="queued"/> again, each side in its order, as they were sent.</summary>
    public void Put(QueuedMessages queued)
    {
        foreach (byte[] request in queued.Requests)
        {
            KernelSend(request);
        }

        foreach (byte[] reply in queued.Replies)
        {
            Send(_daemon, reply);
        }
    }

    private static unsafe byte[][] Drain(int fd)
    {
        var messages = new List<byte[]>();
        while (true)
        {
            nint size = FuseLibC.recv(fd, null, 0, FuseLibC.MsgPeek | FuseLibC.MsgTrunc | FuseLibC.MsgDontwait);
            if (size < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                return errno == FuseLibC.Eagain ? [.. messages] : throw new Win32Exception(errno, "reading the messages queued in the socket pair failed");
            }

            byte[] message = new byte[size];
            fixed (byte* p = message)
            {
                _ = FuseLibC.read(fd, p, (nuint)size);
            }

            messages.Add(message);
        }
    }

    private static unsafe void Send(int fd, byte[] message)
    {
        fixed (byte* p = message)
        {
            if (FuseLibC.write(fd, p, (nuint)message.Length) != message.Length)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), $"queuing a {message.Length}-byte message again failed");
            }
        }
    }

    /// <summary>EIO: what the kernel ends a request with when the daemon's read buffer is too small for it.</summary>
    public const int Eio = 5;

    private readonly List<FailedRequest> _failed = [];

    /// <summary>
    /// fuse_dev_do_read's smallest read buffer: max(8192, 40 + 40 + max_write), so 8192 until INIT
    /// sets max_write (the kernel side sets it when it applies the reply). A daemon read into less fails with EINVAL, every time.
    /// </summary>
    public int MinReadBuffer { get; set; } = FuseWire.MinReadBuffer;

    /// <summary>The last daemon read ended requests too large for its buffer and found nothing after them (a blocking read of /dev/fuse would wait there).</summary>
    public bool LastReadFoundNothing { get; private set; }

    /// <summary>The last daemon read was refused with EINVAL (its buffer is below <see cref="MinReadBuffer"/>); the request stays queued.</summary>
    public bool LastReadRefused { get; private set; }

    /// <summary>Takes the requests the kernel ended at the daemon's reads since the last call (EIO, oldest first).</summary>
    public IReadOnlyList<FailedRequest> TakeFailed()
    {
        FailedRequest[] failed = [.. _failed];
        _failed.Clear();
        return failed;
    }

    /// <summary>
    /// fuse_dev_do_read's checks before it copies a request to the daemon: a buffer below
    /// <see cref="MinReadBuffer"/> is refused with EINVAL (the message stays queued); a request longer
    /// than the buffer is taken off the queue and ended with EIO, and the read goes on to the next
    /// one (peeked with MSG_PEEK|MSG_TRUNC, which returns a message's whole length). Throws
    /// <see cref="FuseProtocolException"/> for EINVAL, and when only too-large requests were queued.
    /// </summary>
    private unsafe void SkipRequestsLargerThan(int bufferBytes)
    {
        LastReadFoundNothing = false;
        LastReadRefused = bufferBytes < MinReadBuffer;
        if (LastReadRefused)
        {
            throw new FuseProtocolException($"read of /dev/fuse: EINVAL (buffer of {bufferBytes} bytes, the kernel needs at least {MinReadBuffer})");
        }

        bool skipped = false;
        Span<byte> header = stackalloc byte[FuseWire.InHeaderSize];
        while (true)
        {
            nint size = FuseLibC.recv(_daemon, null, 0, FuseLibC.MsgPeek | FuseLibC.MsgTrunc | FuseLibC.MsgDontwait);
            if (size < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != FuseLibC.Eagain)
                {
                    throw new Win32Exception(errno, "peeking at the next request failed");
                }

                if (!skipped)
                {
                    return; // nothing queued yet: the read blocks as before
                }

                LastReadFoundNothing = true;
                throw new FuseProtocolException("read of /dev/fuse: the requests queued were all too large for the buffer (ended with EIO); nothing else to read yet");
            }

            if (size <= bufferBytes)
            {
                return;
            }

            // Too large: take it off (a SOCK_SEQPACKET read of the header drops the rest) and end it.
            fixed (byte* h = header)
            {
                nint n = FuseLibC.read(_daemon, h, (nuint)header.Length);
                if (n < FuseWire.InHeaderSize)
                {
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), "taking a too-large request off the queue failed");
                }
            }

            InHeader request = InHeader.Read(header);
            _failed.Add(new FailedRequest(request.Unique, request.Opcode, (int)size, bufferBytes, -Eio));
            skipped = true;
        }
    }

    /// <summary>master's read: one read(2) into the contiguous storage.</summary>
    public unsafe int DaemonRead(byte[] storage)
    {
        SkipRequestsLargerThan(storage.Length);
        fixed (byte* p = storage)
        {
            nint n = FuseLibC.read(_daemon, p, (nuint)storage.Length);
            return n >= 0 ? (int)n : throw new Win32Exception(Marshal.GetLastPInvokeError(), "read of /dev/fuse failed");
        }
    }

    /// <summary>PR #198's read: one readv(2) filling the blocks in order.</summary>
    public unsafe int DaemonReadv(IReadOnlyList<byte[]> blocks)
    {
        SkipRequestsLargerThan(blocks.Sum(b => b.Length));
        using var iov = new PinnedIoVectors(blocks);
        fixed (FuseLibC.IoVec* v = iov.Vectors)
        {
            nint n = FuseLibC.readv(_daemon, v, iov.Vectors.Length);
            return n >= 0 ? (int)n : throw new Win32Exception(Marshal.GetLastPInvokeError(), "readv of /dev/fuse failed");
        }
    }

    /// <summary>A reply: writev(2) of the scatter-gather list (one message on the socket); returns the iovec count.</summary>
    public unsafe int DaemonWritev(IReadOnlyList<ReadOnlyMemory<byte>> sglist)
    {
        using var iov = new PinnedIoVectors(sglist);
        fixed (FuseLibC.IoVec* v = iov.Vectors)
        {
            nint n = FuseLibC.writev(_daemon, v, iov.Vectors.Length);
            return n == iov.TotalBytes ? iov.Vectors.Length
                : throw new Win32Exception(Marshal.GetLastPInvokeError(), $"writeMessage: writev of {iov.TotalBytes} bytes wrote {n}");
        }
    }

    int IFuseDevice.Read(byte[] storage) => DaemonRead(storage);

    int IFuseDevice.Readv(IReadOnlyList<byte[]> blocks) => DaemonReadv(blocks);

    int IFuseDevice.Writev(IReadOnlyList<ReadOnlyMemory<byte>> sglist) => DaemonWritev(sglist);

    public void Dispose()
    {
        _ = FuseLibC.close(_kernel);
        _ = FuseLibC.close(_daemon);
    }
}
