using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// A keepstore under a workload: volumes with real blocks, the server of the chosen mode, and
/// every request as an actor of the deterministic scheduler. Clients call <see cref="Request"/>;
/// the server's handler runs as that actor, parking where a goroutine would block. What views,
/// reports and the peak read of it is in KeepModel.Views.cs.
/// </summary>
public sealed partial class KeepModel : ISimulationModel<KeepSnapshot>
{
    public const string SystemId = "keep";

    private readonly RunContext _context;
    private readonly List<KeepRequest> _requests = [];
    private readonly List<Flight> _flights = [];
    private readonly PoolBufferLedger _ledger = new();
    private readonly KeepServer _server;
    private int _outstanding;

    public KeepModel(KeepConfig config, RunContext context)
    {
        if (config.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(config));
        }

        Config = config;
        _context = context;
        Volumes = [.. Enumerable.Range(0, config.Volumes).Select(i => new KeepVolume(
            string.Create(CultureInfo.InvariantCulture, $"zzzzz-nyw5e-{i:D15}"),
            TimeSpan.FromMilliseconds(config.VolumeLatencyMs), config.BytesPerSecond(config.VolumeMiBps), config.VolumeParallelParts) { Kind = config.VolumeKind })];
        foreach ((KeepVolumeSettings settings, KeepVolume volume) in config.VolumeSettings.Zip(Volumes))
        {
            settings.ApplyTo(volume);
        }

        foreach (KeepVolume volume in Volumes)
        {
            volume.Lock.Granted = w => Wake((KeepRequest)w.Owner);
        }

        Pool = new KeepBufferPool(config.MaxBuffers, config.BufferSize, w => Wake((KeepRequest)w.Owner),
            config.Mode == KeepServerMode.Legacy ? SyncPoolGc.DropAll : SyncPoolGc.VictimCache); // the 2017 keepstore was built with Go 1.8
        Cache = new CoalescingBufferCache(config.MaxBuffers, config.BufferSize);
        Reader = new VolumeReader(this, context.Random.Fork("keep.volume-parts"));
        Writer = new VolumeWriter(this);
        Limiter = new RequestLimiter(config.MaxConcurrentRequests, config.MaxQueuedRequests, t => Wake((KeepRequest)t.Owner));
        _server = config.Mode switch
        {
            KeepServerMode.Legacy => new LegacyServer(this),
            KeepServerMode.Coalescing => new CoalescingServer(this),
            _ => new CurrentServer(this),
        };
    }

    public string System => SystemId;

    public string? Failure => null;

    public KeepConfig Config { get; }

    public IReadOnlyList<KeepVolume> Volumes { get; }

    /// <summary>The buffer pool (current and legacy modes).</summary>
    public KeepBufferPool Pool { get; }

    /// <summary>The #10541 buffers (coalescing mode).</summary>
    public CoalescingBufferCache Cache { get; }

    /// <summary>The request limiter (current and coalescing modes).</summary>
    public RequestLimiter Limiter { get; }

    /// <summary>Reads blocks from the volumes for the handlers.</summary>
    internal VolumeReader Reader { get; }

    internal VolumeWriter Writer { get; }

    /// <summary>Legacy handlers running under the MaxRequests semaphore.</summary>
    public int LegacyRunning { get; internal set; }

    public KeepCounters Counters { get; } = new();

    public IReadOnlyList<KeepRequest> Requests => _requests;

    internal TimeSpan Now => _context.Clock.Elapsed;

    internal Scheduler Scheduler => _context.Scheduler;

    /// <summary>Stores a block on the volume rendezvous order puts first (where a PUT would write it) and returns its locator.</summary>
    public KeepLocator StoreBlock(byte[] data)
    {
        KeepLocator locator = KeepLocator.Of(data);
        Rendezvous.Order(locator.Hash, Volumes)[0].Store(locator.Hash, data);
        return locator;
    }

    /// <summary>Makes every volume's reads of <paramref name="hash"/> go wrong as <paramref name="fault"/> says.</summary>
    public void InjectFault(string hash, VolumeFault fault)
    {
        foreach (KeepVolume volume in Volumes)
        {
            volume.InjectFault(hash, fault);
        }
    }

    /// <summary>The workload will send <paramref name="count"/> more requests (the GC actor runs until all are answered).</summary>
    public void Expect(int count) => _outstanding += count;

    /// <summary>Starts the garbage-collection actor if the configuration asks for one.</summary>
    public void StartGarbageCollector()
    {
        if (Config.GcIntervalMs > 0)
        {
            Scheduler.Spawn("gc", CollectGarbage(TimeSpan.FromMilliseconds(Config.GcIntervalMs)));
        }
    }

    /// <summary>A client's request as an actor body: it arrives when first run, and may disconnect after <paramref name="disconnectAfter"/>.</summary>
    public IEnumerable<TimeSpan> Request(string method, KeepLocator locator, long priority = 0, byte[]? body = null, TimeSpan? disconnectAfter = null, IReadOnlyList<string>? storageClasses = null)
    {
        var request = new KeepRequest(_requests.Count + 1, method, locator, priority, Now) { Body = body, Actor = Scheduler.Current, StorageClasses = storageClasses ?? [] };
        _requests.Add(request);
        Counters.Requests++;
        request.Enter(RequestPhase.Arrived, Now);
        Emit(new RequestArrived(request.Id, method, locator.Hash, priority));
        if (disconnectAfter is { } after)
        {
            Scheduler.Spawn($"disconnect-{request.Id}", DisconnectLater(request), after);
        }

        IEnumerable<TimeSpan> handler = method == "PUT" ? _server.Put(request) : _server.Get(request);
        foreach (TimeSpan delay in handler)
        {
            yield return delay;
        }

        yield return TimeSpan.Zero; // the handler's last operation is a step of its own
    }

    /// <summary>The client goes away: a queued request leaves the limiter's queue; a waiting one wakes up to find its context done.</summary>
    public void Disconnect(KeepRequest request)
    {
        if (request.IsDone || request.Disconnected)
        {
            return;
        }

        request.Disconnected = true;
        Emit(new ClientDisconnected(request.Id));
        if (request.Ticket is { } ticket)
        {
            Limiter.Cancel(ticket);
        }

        Wake(request);
    }

    public int BuffersInUse => Config.Mode == KeepServerMode.Coalescing ? Cache.InUse : Pool.InUse;

    public long AllocatedBytes => Config.Mode == KeepServerMode.Coalescing ? Cache.AllocatedBytes : Pool.AllocatedBytes;

    private long LiveBufferBytes => Config.Mode == KeepServerMode.Coalescing
        ? Cache.AllocatedBytes
        : (long)(Pool.InUse + Pool.Idle) * Config.BufferSize;

    private int BufferWaiters => Config.Mode == KeepServerMode.Coalescing ? ((CoalescingServer)_server).Waiting : Pool.Waiting;

    internal void Emit(SimEvent simEvent) => _context.Emit(simEvent);

    internal void Wake(KeepRequest request)
    {
        if (request.Actor is { } actor)
        {
            Scheduler.Wake(actor);
        }
    }

    /// <summary>Admission through the request limiter: fast path, or queued until started, trimmed (503) or the client leaves (503).</summary>
    internal IEnumerable<TimeSpan> Admit(KeepRequest request)
    {
        LimiterTicket ticket = Limiter.Enqueue(request, request.Priority, Now);
        request.Ticket = ticket;
        if (ticket.WasQueued && ticket.State == LimiterTicketState.Queued)
        {
            request.Enter(RequestPhase.Queued, Now);
            Emit(new RequestQueued(request.Id, Limiter.Queued));
        }

        while (ticket.State == LimiterTicketState.Queued)
        {
            yield return Scheduler.Park;
        }

        request.Ticket = null;
        if (ticket.State == LimiterTicketState.Rejected)
        {
            Respond(request, KeepError.Unavailable.Status, message: KeepError.Unavailable.Message);
            yield break;
        }

        request.Admitted = true;
        Emit(new RequestStarted(request.Id, ticket.WasQueued));
    }

    /// <summary>bufferPool.GetContext: a buffer now, or wait FIFO until one is Put or the client leaves (the orphaned Get puts its buffer back).</summary>
    internal IEnumerable<TimeSpan> GetBuffer(KeepRequest request, BufferHolder holder)
    {
        if (request.Disconnected)
        {
            yield break;
        }

        TimeSpan since = Now;
        byte[]? buffer = Pool.TryGet();
        if (buffer is null)
        {
            request.Enter(RequestPhase.WaitingForBuffer, Now);
            BufferWait wait = Pool.Wait(request, Now);
            Emit(new BufferWaitStarted(request.Id, Pool.Waiting));
            while (wait.Buffer is null && !request.Disconnected)
            {
                yield return Scheduler.Park;
            }

            Counters.BufferWaitMs += (Now - since).TotalMilliseconds;
            if (wait.Buffer is null)
            {
                Pool.Abandon(wait);
                yield break;
            }

            buffer = wait.Buffer;
        }

        (int index, bool allocated) = _ledger.Hold(buffer, request.Id);
        holder.Buffer = buffer;
        Counters.PeakBuffersInUse = Math.Max(Counters.PeakBuffersInUse, Pool.InUse);
        Emit(new BufferAcquired(request.Id, index, allocated, VirtualTime.Micros(Now - since)));
    }

    /// <summary>
    /// v.lock(ctx) on a Serialize volume, after <see cref="SerializeLock.Lock"/> gave <paramref name="wait"/>:
    /// parks FIFO until the mutex is handed over, or (when <paramref name="cancellable"/>) until the client
    /// leaves, which abandons the wait (lock returns ctx.Err()). Afterwards wait.Acquired says which.
    /// </summary>
    internal IEnumerable<TimeSpan> AwaitVolumeLock(KeepRequest request, KeepVolume volume, SerializeLockWait wait, bool cancellable = true)
    {
        if (!wait.Acquired)
        {
            Emit(new VolumeLockWaitStarted(request.Id, volume.Uuid, volume.Lock.Waiting));
        }

        while (!wait.Acquired && !(cancellable && request.Disconnected))
        {
            yield return Scheduler.Park;
        }

        if (!wait.Acquired)
        {
            volume.Lock.Abandon(wait);
        }
    }

    internal void PutBuffer(KeepRequest request, byte[] buffer)
    {
        Emit(new BufferReleased(request.Id, _ledger.Release(buffer)));
        Pool.Put(buffer);
    }

    /// <summary>The client side of a response: bytes take the client's bandwidth after whatever it is still receiving.</summary>
    internal string? SendToClient(KeepRequest request, ReadOnlyMemory<byte> data)
    {
        if (request.Disconnected)
        {
            return "write: broken pipe (client disconnected)";
        }

        TimeSpan start = request.DeliveredUntil > Now ? request.DeliveredUntil : Now;
        request.DeliveredUntil = start + ClientTransferTime(data.Length);
        request.BytesDelivered += data.Length;
        Counters.BytesServed += data.Length;
        return null;
    }

    /// <summary>Steps until the client has received everything sent (streamWriterAt.Close waiting for its writer).</summary>
    internal IEnumerable<TimeSpan> AwaitDelivery(KeepRequest request)
    {
        if (request.DeliveredUntil > Now && !request.Disconnected)
        {
            request.Enter(RequestPhase.Streaming, Now);
            yield return request.DeliveredUntil - Now;
        }
    }

    internal TimeSpan ClientTransferTime(long bytes) => TimeSpan.FromTicks((long)Math.Round(bytes / Config.BytesPerSecond(Config.ClientMiBps) * TimeSpan.TicksPerSecond));

    /// <summary>router.go's handleError for a failed GET: 499 if the client left, a bare end if bytes were already sent, else the error's status.</summary>
    internal void Fail(KeepRequest request, KeepError error)
    {
        if (request.Disconnected)
        {
            Respond(request, KeepError.ClientGone.Status, message: KeepError.ClientGone.Message);
        }
        else if (request.BytesDelivered > 0)
        {
            Respond(request, 200, truncated: true, message: error.Message);
        }
        else
        {
            Respond(request, error.Status, message: error.Message);
        }
    }

    internal void Respond(KeepRequest request, int status, bool truncated = false, string? message = null)
    {
        if (request.IsDone)
        {
            return;
        }

        request.End(status, truncated, message, Now);
        double latencyMs = (Now - request.Arrival).TotalMilliseconds;
        Counters.Respond(status, latencyMs);
        if (truncated)
        {
            Counters.Truncated++;
        }

        if (status is >= 200 and < 300 && request.Shared)
        {
            Counters.SharedResults++;
        }

        _outstanding--;
        Emit(new ResponseSent(request.Id, status, request.BytesDelivered, truncated, VirtualTime.Micros(Now - request.Arrival), message));
        if (request.Admitted)
        {
            request.Admitted = false;
            if (Config.Mode == KeepServerMode.Legacy)
            {
                LegacyRunning--;
            }
            else
            {
                Limiter.Done();
            }
        }
    }

    internal Flight StartFlight(string hash, int? buffer, KeepRequest first)
    {
        var flight = new Flight(_flights.Count + 1, hash, buffer);
        flight.Requests.Add(first.Id);
        _flights.Add(flight);
        first.Fetch = flight.Id;
        return flight;
    }

    private IEnumerable<TimeSpan> DisconnectLater(KeepRequest request)
    {
        Disconnect(request);
        yield return TimeSpan.Zero;
    }

    private IEnumerable<TimeSpan> CollectGarbage(TimeSpan interval)
    {
        while (true)
        {
            yield return interval;
            if (_outstanding <= 0)
            {
                yield break;
            }

            IReadOnlyList<byte[]> dropped = Pool.CollectGarbage();
            _ledger.Forget(dropped);

            Counters.GcDropped += dropped.Count;
            Emit(new PoolCollected(dropped.Count, Pool.Idle));
        }
    }
}
