using System.Diagnostics;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// ServeOps on a real mount, on its own thread: ReadOp, serve the op (memfs), reply; every request
/// recorded, until the kernel hangs up (ENODEV) or sends DESTROY. A request the daemon cannot
/// convert is recorded as failed and the loop goes on (upstream's ServeOps would panic).
/// </summary>
public sealed class MountServer(FuseDaemon daemon)
{
    private readonly List<RequestRecord> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();

    public FuseDaemon Daemon { get; } = daemon;

    /// <summary>What stopped the loop other than the end of the mount (an I/O error on /dev/fuse), if anything.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Conversion failures (malformed requests), in order.</summary>
    public List<string> ProtocolErrors { get; } = [];

    /// <summary>The requests recorded so far (a copy: the loop goes on adding).</summary>
    public IReadOnlyList<RequestRecord> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the loop on a background thread; it ends when the mount does.</summary>
    public Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "fuse-serve" };
        thread.Start();
        return thread;
    }

    public void Run()
    {
        try
        {
            while (ServeOne())
            {
            }
        }
        catch (FuseUnmountedException)
        {
            // the normal end: unmounted or aborted
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FusePanicException)
        {
            Failure = e;
        }
    }

    /// <summary>Reads and serves one request; false once DESTROY has been answered.</summary>
    private bool ServeOne()
    {
        double at = _clock.Elapsed.TotalMicroseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread(), heap = Daemon.HeapBytes, copies = Daemon.LibraryBytesCopied;
        FuseOp? op;
        try
        {
            op = Daemon.ReadOp();
        }
        catch (FuseProtocolException e)
        {
            ProtocolErrors.Add(e.Message);
            return true;
        }

        InHeader header = Daemon.LastHeader!.Value;
        int blocks = 0, error = 0;
        if (op is not null)
        {
            blocks = op.Blocks is { } message ? message.Blocks.Count + message.BorrowedBlocks.Count : 0;
            Daemon.Serve(op);
            error = -op.Reply.Header.Error;
        }

        Add(new RequestRecord(at, FuseOpcodeNames.Of(header.Opcode), header.Unique, header.Len, (long)(op?.Offset ?? 0), op?.Size ?? 0, op?.Flags ?? 0, error, blocks,
            Daemon.HeapBytes - heap, Daemon.LibraryBytesCopied - copies, GC.GetAllocatedBytesForCurrentThread() - allocated));
        return header.Opcode != FuseOpcode.Destroy;
    }

    private void Add(RequestRecord record)
    {
        lock (_lock)
        {
            _requests.Add(record);
        }
    }
}
