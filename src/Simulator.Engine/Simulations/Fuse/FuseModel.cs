using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// A jacobsa/fuse daemon serving a memfs file to a simulated kernel over a real descriptor pair:
/// the kernel actor sends INIT and then the workload's requests (at most the queue depth in
/// flight), the reader actor reads one message per step (read or readv), and each op is served
/// by its own actor that replies with writev; the kernel checks every reply against the file.
/// </summary>
public sealed class FuseModel : ISimulationModel<FuseSnapshot>, IOutsideState, IDisposable
{
    /// <summary>Room for a message's headers beside its data in one channel message.</summary>
    private const int Headroom = 4096;

    public const string SystemId = "fuse";

    private static readonly TimeSpan Interarrival = TimeSpan.FromMicroseconds(1);

    private readonly RunContext _context;
    private readonly FuseChannel _channel;
    private readonly FuseDaemon _daemon;
    private readonly SimulatedKernel _kernel;
    private readonly FuseScenario _scenario;
    private readonly int _maxPagesLimit;
    private ActorHandle? _kernelActor, _reader;
    private InitView? _init;
    private MessageView? _lastMessage;
    private readonly SortedDictionary<ulong, FuseOp> _inFlight = [];
    private readonly GoGcPacer _gc;

    public FuseModel(FuseScenario scenario, RunContext context)
    {
        Mode = scenario.Mode;
        Mount = scenario.Mount;
        _scenario = scenario;
        int maxPagesLimit = _maxPagesLimit = scenario.MaxPagesLimit;
        FuseMountConfig mount = Mount;
        _context = context;
        byte[] file = new byte[scenario.FileBytes];
        context.Random.Fork("fuse.file").NextBytes(file);
        long largestReply = FuseWire.OutHeaderSize + (long)Math.Min(maxPagesLimit, ushort.MaxValue) * mount.PageSize;
        _channel = new FuseChannel((int)Math.Min(Math.Max(mount.InMessageSize, largestReply), 64 << 20));
        _daemon = new FuseDaemon(mount, _channel, new MemFs([.. file]) { ReadsFromData = scenario.ReadsFromData, MaxBytes = FuseScenario.MaxFileBytes });
        _kernel = new SimulatedKernel(_channel, mount.PageSize, maxPagesLimit, file, scenario.MaxReadahead);
        _gc = new GoGcPacer(file.Length); // the memfs file is the program's live heap at the start
        _kernelActor = context.Scheduler.Spawn("kernel", Kernel());
        _reader = context.Scheduler.Spawn("daemon-reader", Reader());
    }

    public string System => SystemId;

    public string? Failure { get; private set; }

    public FuseMode Mode { get; }

    public FuseMountConfig Mount { get; }

    public int Ops { get; private set; }

    public long BytesServed { get; private set; }

    public int Errors { get; private set; }

    /// <summary>Heap bytes the serving thread allocated, measured (GC.GetAllocatedBytesForCurrentThread around each read and reply).</summary>
    [field: MachineValue]
    public long MeasuredHeapBytes { get; private set; }

    public int? KernelMaxPages => _kernel.Limits?.MaxPages;

    public FuseDaemon Daemon => _daemon;

    public FuseSnapshot Snapshot() => new FuseSnapshot(ModeName, VirtualTime.Micros(_context.Clock.Elapsed), Mount.PageSize, Mount.InMessageSize, _kernel.Limits?.MaxPages,
        _kernel.Limits?.MaxReadRequest, _daemon.InFlight, _daemon.InMessagesAllocated, _daemon.FreeInMessages, _daemon.PinnedBytes,
        _daemon.Pools.OneMiB.Count, _daemon.Pools.OneMiB.Limit, _daemon.Pools.OneMiBPlusPage.Count, _daemon.Pools.OneMiBPlusPage.Limit,
        _daemon.Pools.OneMiB.OverflowCount + _daemon.Pools.OneMiBPlusPage.OverflowCount, _init, _lastMessage, Ops, BytesServed, _daemon.HeapBytes,
        _daemon.LibraryBytesCopied, Errors);

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{ModeName}: {Ops} ops, {BytesServed} bytes served, {_daemon.HeapBytes} heap bytes, {_daemon.LibraryBytesCopied} bytes copied by the library, {Errors} errors{(Failure is null ? "" : $"; stopped: {Failure}")}");

    public string HeldMeasure => "bytes of the messages of ops in flight (read, not yet replied)";

    public long HeldBytes => _inFlight.Values.Sum(MessageBytes);

    public IReadOnlyList<PeakHolding> Holdings() =>
    [
        .. _inFlight.Values.Select(op => new PeakHolding(
            $"{op.Header.Opcode.ToString().ToUpperInvariant()} #{op.Header.Unique} ({op.Size} bytes)", MessageBytes(op), $"op-{op.Header.Unique}",
            op.Message is not null ? "a contiguous InMessage" : $"{op.Blocks!.Blocks.Count} pool block(s), {BufferOf(op).Buffer}")),
    ];

    private static long MessageBytes(FuseOp op) => op.Message?.Storage.Length ?? op.Blocks!.Blocks.Sum(b => (long)b.Length);

    public IReadOnlyList<MetricValue> Metrics() =>
    [
        FuseMetric.TimeMs.With(_context.Clock.Elapsed.TotalMilliseconds),
        FuseMetric.Ops.With(Ops),
        FuseMetric.BytesServed.With(BytesServed),
        FuseMetric.HeapBytes.With(_daemon.HeapBytes),
        FuseMetric.HeapBytesMeasured.With(MeasuredHeapBytes),
        FuseMetric.BytesCopied.With(_daemon.LibraryBytesCopied),
        FuseMetric.FsBytesCopied.With(_daemon.FileSystem.BytesCopied),
        FuseMetric.PinnedBytes.With(_daemon.PinnedBytes),
        FuseMetric.InFlight.With(_daemon.InFlight),
        FuseMetric.WritevElements.With(_daemon.WritevElements),
        FuseMetric.BlocksFresh.With(_daemon.Pools.OneMiB.FreshAllocations + _daemon.Pools.OneMiBPlusPage.FreshAllocations),
        FuseMetric.PoolOverflows.With(_daemon.Pools.OneMiB.OverflowPuts + _daemon.Pools.OneMiBPlusPage.OverflowPuts),
        FuseMetric.Pool1M.With(_daemon.Pools.OneMiB.Count),
        FuseMetric.Pool1MPlusPage.With(_daemon.Pools.OneMiBPlusPage.Count),
        FuseMetric.DstNil.With(_daemon.DstNil),
        FuseMetric.Errors.With(Errors),
    ];

    public IReadOnlyDictionary<string, object> ReportMetrics() => new Dictionary<string, object>
    {
        ["ops"] = Ops,
        ["bytesServed"] = BytesServed,
        ["heapBytesAllocated"] = _daemon.HeapBytes,
        ["heapBytesMeasured"] = MeasuredHeapBytes,
        ["bytesCopied"] = _daemon.LibraryBytesCopied,
        ["fsBytesCopied"] = _daemon.FileSystem.BytesCopied,
        ["blocksFreshlyAllocated"] = _daemon.Pools.OneMiB.FreshAllocations + _daemon.Pools.OneMiBPlusPage.FreshAllocations,
        ["poolOverflows"] = _daemon.Pools.OneMiB.OverflowPuts + _daemon.Pools.OneMiBPlusPage.OverflowPuts,
        ["maxPagesNegotiated"] = _kernel.Limits?.MaxPages ?? 0,
        ["inMessagesAllocated"] = _daemon.InMessagesAllocated,
        ["writevElements"] = _daemon.WritevElements,
        ["dstNil"] = _daemon.DstNil,
        ["errors"] = Errors,
        ["gcCycles"] = _gc.Cycles,
        ["blocksDroppedByGc"] = _daemon.Pools.OneMiB.Dropped + _daemon.Pools.OneMiBPlusPage.Dropped,
        ["readaheadBytes"] = _kernel.Limits?.Readahead ?? 0,
    };

    public void Dispose() => _channel.Dispose();

    /// <summary>Between steps the state outside memory is the messages queued in the socket pair: requests the daemon has not read, a reply the kernel reads at its next step.</summary>
    public bool CanCheckpoint => true;

    public object CaptureOutside()
    {
        QueuedMessages queued = _channel.TakeAll();
        _channel.Put(queued);
        return queued;
    }

    public void RestoreOutside(object outside)
    {
        _channel.Put((QueuedMessages)outside);
        _channel.MinReadBuffer = _kernel.Limits?.MinReadBuffer ?? FuseWire.MinReadBuffer; // the device's rule as of the restored step
    }

    public void Abandon() => _channel.TakeAll();

    private string ModeName => FuseChoices.Modes.NameOf(Mode);

    private IEnumerable<TimeSpan> Kernel()
    {
        _kernel.SendInit();
        _context.Scheduler.Wake(_reader!);
        yield return Scheduler.Park; // the reader answers INIT and wakes us
        if (Failure is not null)
        {
            yield break;
        }

        InitOut reply = _kernel.ReceiveInit();
        KernelLimits limits = _kernel.Limits!;
        _context.Emit(new InitNegotiated(reply.Minor, reply.MaxWrite, reply.MaxPages, limits.MaxPages, limits.MaxReadRequest, limits.MinReadBuffer, Mount.InMessageSize));
        _init = new InitView(reply.Minor, reply.Flags, reply.MaxWrite, reply.MaxPages, _maxPagesLimit, limits.MaxPages, limits.MaxReadRequest, limits.MaxWriteRequest, limits.MinReadBuffer)
        {
            Major = reply.Major, KernelMinor = LinuxInit.Minor, MaxReadahead = reply.MaxReadahead, MaxBackground = reply.MaxBackground,
            CongestionThreshold = reply.CongestionThreshold, TimeGran = reply.TimeGran, KernelMaxReadahead = (uint)_kernel.MaxReadahead, Readahead = limits.Readahead,
        };

        List<(FuseIoOp Op, int QueueDepth)> plan = _scenario.Replay is { } replay ? FusePlan.FromTrace(replay, limits) : FusePlan.Draw(_scenario, _context.Random.Fork("fuse.workload"), limits);
        TimeSpan interarrival = _scenario.Replay?.Scaled(Interarrival) ?? Interarrival;
        int depth = 0;
        for (int i = 0; i < plan.Count; i++)
        {
            (FuseIoOp op, int queueDepth) = plan[i];
            if (queueDepth != depth)
            {
                _context.Record(FusePlan.Kernel, FusePlan.Depth + queueDepth);
                depth = queueDepth;
            }

            while (_kernel.Outstanding >= depth && Failure is null)
            {
                yield return Scheduler.Park;
            }

            if (Failure is not null)
            {
                yield break; // the daemon stopped (a refused read): nothing more is sent
            }

            if (op.Write && op.Size + Headroom > FuseChannel.LargestMessage)
            {
                // A WRITE carries its data: a request this large is one allocation the socket
                // pair's kernel cannot make (ENOBUFS), so the run stops here, saying so.
                Fail($"a {op.Size}-byte WRITE does not fit one message of this machine's socket pair, which carries at most {FuseChannel.LargestMessage - Headroom} bytes of data: lower the phase's ioBytes or maxPagesLimit × pageSize");
                yield break;
            }

            _context.Record(FusePlan.Kernel, op.ToString());
            KernelRequest request = op.Write
                ? _kernel.SendWrite((ulong)op.Offset, Payload(i, op.Size))
                : _kernel.SendRead((ulong)op.Offset, op.Size);
            _context.Emit(new RequestSent(request.Unique, request.Opcode.ToString().ToUpperInvariant(), request.Offset, request.Size));
            if (op.Forget)
            {
                _context.Emit(new RequestSent(_kernel.SendNoReply(FuseOpcode.Forget, 2), "FORGET", 0, 0));
            }

            if (op.Interrupt)
            {
                _context.Emit(new RequestSent(_kernel.SendNoReply(FuseOpcode.Interrupt, request.Unique), "INTERRUPT", request.Unique, 0));
            }

            _context.Scheduler.Wake(_reader!);
            yield return interarrival;
        }
    }

    /// <summary>A WRITE's bytes, drawn from a stream of their own so a replay sends the same bytes.</summary>
    private byte[] Payload(int index, int size)
    {
        byte[] payload = new byte[size];
        _context.Random.Fork($"fuse.payload.{index}").NextBytes(payload);
        return payload;
    }

    private IEnumerable<TimeSpan> Reader()
    {
        while (Failure is null)
        {
            if (_kernel.Queued == 0)
            {
                yield return Scheduler.Park;
                continue;
            }

            bool wasInitialized = _daemon.Initialized;
            (FuseOp? op, string? error) = ReadOpMeasured();
            _kernel.Queued -= EndFailedRequests();
            CollectGarbageIfDue();
            if (_channel.LastReadFoundNothing)
            {
                // Only requests too large for the buffer were queued: the device ended them and
                // the read waits for the next request (the simulated read returns instead).
                yield return TimeSpan.Zero;
                continue;
            }

            if (!_channel.LastReadRefused)
            {
                _kernel.Queued--; // the read took one message
            }

            if (error is not null)
            {
                Errors++;
                _context.Emit(new DaemonReadFailed(error));
                if (!wasInitialized || _channel.LastReadRefused)
                {
                    // Every read is refused alike (EINVAL), and upstream's ServeOps panics on a ReadOp error: the run stops.
                    Fail(error);
                    _context.Scheduler.Wake(_kernelActor!);
                    yield break;
                }
            }
            else if (!wasInitialized && _daemon.Initialized)
            {
                _context.Scheduler.Wake(_kernelActor!);
            }
            else if (op is not null)
            {
                (string buffer, int blocks) = BufferOf(op);
                _lastMessage = new MessageMapper(op, _daemon.FileSystem).View(buffer);
                _context.Emit(new OpConverted(op.Header.Unique, op.Header.Opcode.ToString().ToUpperInvariant(), op.Size, buffer, blocks));
                _inFlight[op.Header.Unique] = op;
                _context.Scheduler.Spawn($"op-{op.Header.Unique}", Handle(op), ServiceTime(op.Size));
            }

            yield return TimeSpan.Zero;
        }
    }

    private IEnumerable<TimeSpan> Handle(FuseOp op)
    {
        var mapper = new MessageMapper(op, _daemon.FileSystem);
        MessageView view = mapper.View(BufferOf(op).Buffer);
        ServeMeasured(op);
        _inFlight.Remove(op.Header.Unique);
        CollectGarbageIfDue();
        (KernelRequest? request, int bytes, int error, string? problem) = _kernel.ReceiveReply();
        Ops++;
        if (problem is not null || error != 0)
        {
            Errors++;
        }

        _lastMessage = mapper.Replied(view, op.Reply);
        BytesServed += request?.Opcode == FuseOpcode.Write && error == 0 ? request.Size : request?.Opcode == FuseOpcode.Read ? bytes : 0;
        _context.Emit(new ReplyChecked(op.Header.Unique, op.Header.Opcode.ToString().ToUpperInvariant(), bytes, error, problem));
        _context.Scheduler.Wake(_kernelActor!);
        yield return TimeSpan.Zero;
    }

    /// <summary>The requests the device ended at the daemon's last read (too large for its buffer): each is over for the kernel, with EIO. Returns how many.</summary>
    private int EndFailedRequests()
    {
        IReadOnlyList<FailedRequest> failed = _channel.TakeFailed();
        foreach (FailedRequest request in failed)
        {
            _ = _kernel.EndFailed(request);
            Errors++;
            _context.Emit(new RequestEndedByDevice(request.Unique, request.Opcode.ToString().ToUpperInvariant(), request.Length, request.BufferBytes, request.Error));
        }

        if (failed.Count > 0)
        {
            _context.Scheduler.Wake(_kernelActor!);
        }

        return failed.Count;
    }

    /// <summary>
    /// A garbage collection when the daemon's allocations reach the pacer's goal: sync.Pool's cleanup
    /// runs on PR #198's overflow pools (victims dropped, primaries made victims), then the live heap is measured for the next goal.
    /// </summary>
    private void CollectGarbageIfDue()
    {
        long allocated = _daemon.HeapBytes + _daemon.FileSystem.HeapBytes;
        if (!_gc.Due(allocated))
        {
            return;
        }

        long heap = _gc.LiveAfterLastCycle + allocated - _gc.AllocatedAtLastCycle;
        BlockPools pools = _daemon.Pools;
        int dropped1M = pools.OneMiB.CollectGarbage(), droppedPlusPage = pools.OneMiBPlusPage.CollectGarbage();
        long live = _daemon.FileSystem.Capacity + _daemon.PinnedBytes + pools.OneMiB.ReachableBytes + pools.OneMiBPlusPage.ReachableBytes
            + _inFlight.Values.Sum(op => op.Blocks?.HeapBytes ?? 0);
        _gc.Collected(allocated, live);
        _context.Emit(new GarbageCollected(_gc.Cycles, heap, live, _gc.HeapGoal, dropped1M, droppedPlusPage, pools.OneMiB.VictimCount, pools.OneMiBPlusPage.VictimCount));
    }

    /// <summary>The daemon reads one op; the heap bytes it allocated are measured (here, not in the iterator, so no measurement is part of an actor's state).</summary>
    private (FuseOp? Op, string? Error) ReadOpMeasured()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return (_daemon.ReadOp(), null);
        }
        catch (FuseProtocolException e)
        {
            return (null, e.Message);
        }
        finally
        {
            MeasuredHeapBytes += GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    private void ServeMeasured(FuseOp op)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _daemon.Serve(op);
        MeasuredHeapBytes += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Virtual time a handler takes: a fixed cost plus the bytes at memory speed.</summary>
    private static TimeSpan ServiceTime(int bytes) => TimeSpan.FromTicks(20 + bytes / 1000);

    private static (string Buffer, int Blocks) BufferOf(FuseOp op) => op switch
    {
        { DstBufs: { } bufs } => ("dstbufs", bufs.Count),
        { DataBlocks: { } blocks } => ("datablocks", blocks.Count),
        { Header.Opcode: FuseOpcode.Read, Dst: null } => ("nil", 0),
        { Message: not null } => (op.Header.Opcode == FuseOpcode.Read ? "dst" : "data", 1),
        _ => (op.Header.Opcode == FuseOpcode.Read ? "dst" : "data", op.Blocks!.Blocks.Count),
    };

    private void Fail(string reason)
    {
        Failure = reason;
        Errors++;
    }
}
