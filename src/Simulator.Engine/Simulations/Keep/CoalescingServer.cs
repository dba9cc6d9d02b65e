using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// Feature #10541 as proposed, behind today's request limiter: a GET joins the fetch in flight for
/// its hash, or is served from a Ready buffer, or fetches into an Empty buffer (a new one while
/// fewer than the maximum exist, else the idle one read longest ago); with every buffer in use it
/// waits. The fetch is not cancelled when the request that started it leaves (as DiskCache does),
/// and its error goes to every request sharing it. With <see cref="KeepConfig.StreamWhileFilling"/>
/// sharers receive bytes as the buffer fills; otherwise once it is Ready.
/// </summary>
internal sealed class CoalescingServer(KeepModel model) : KeepServer(model)
{
    private readonly List<(KeepRequest Request, string? Hash)> _waiters = [];
    private readonly Dictionary<int, Flight> _flightOf = []; // by buffer index: a checkpoint copies buffers, and a copy hashes differently by identity

    private CoalescingBufferCache Cache => Model.Cache;

    /// <summary>Requests waiting for a buffer.</summary>
    public int Waiting => _waiters.Count;

    public override IEnumerable<TimeSpan> Get(KeepRequest request)
    {
        foreach (TimeSpan delay in Model.Admit(request))
        {
            yield return delay;
        }

        if (request.IsDone || RefuseWithoutSizeHint(request))
        {
            yield break;
        }

        string hash = request.Locator.Hash;
        CacheLookup lookup = default;
        foreach (TimeSpan delay in Acquire(request, hash, () => lookup = Cache.Acquire(hash, Model.Now.Ticks), () => lookup.Kind != CacheLookupKind.Full))
        {
            yield return delay;
        }

        if (lookup.Buffer is not { } buffer)
        {
            yield break; // the client left while waiting
        }

        request.SharedBuffer = buffer;

        var output = new HashCheckWriter(request.Locator.Size, hash, data => Model.SendToClient(request, data));
        IEnumerable<TimeSpan> serve = lookup.Kind switch
        {
            CacheLookupKind.Hit => ServeReady(request, buffer, output),
            CacheLookupKind.Join => ServeShared(request, buffer, output),
            _ => Fetch(request, buffer, lookup.EvictedHash, output),
        };
        foreach (TimeSpan delay in serve)
        {
            yield return delay;
        }
    }

    public override IEnumerable<TimeSpan> Put(KeepRequest request)
    {
        foreach (TimeSpan delay in Model.Admit(request))
        {
            yield return delay;
        }

        if (request.IsDone)
        {
            yield break;
        }

        CacheLookup lookup = default;
        foreach (TimeSpan delay in Acquire(request, null, () => lookup = Cache.AcquireForWrite(), () => lookup.Kind != CacheLookupKind.Full))
        {
            yield return delay;
        }

        if (lookup.Buffer is not { } buffer)
        {
            yield break;
        }

        request.SharedBuffer = buffer;
        Model.Emit(new BufferAcquired(request.Id, buffer.Index, false, 0));
        var result = new PutResult();
        foreach (TimeSpan delay in WriteBlock(request, buffer.Data, result))
        {
            yield return delay;
        }

        buffer.BlockSize = result.Size;
        buffer.Filled = result.Size;
        Cache.Complete(buffer, result.Hash ?? "", result.Error, Model.Now.Ticks); // a written block is tagged for later GETs
        if (result.Error is null)
        {
            Flight written = Model.StartFlight(result.Hash!, buffer.Index, request);
            written.Outcome = "written by PUT";
            _flightOf[buffer.Index] = written;
        }
        Release(request, buffer);
        Model.Respond(request, request.Disconnected ? KeepError.ClientGone.Status : result.Error?.Status ?? 200, message: result.Error?.Message);
    }

    /// <summary>Tries <paramref name="attempt"/> until <paramref name="acquired"/>; in between waits FIFO for a buffer, or answers 499 if the client leaves.</summary>
    private IEnumerable<TimeSpan> Acquire(KeepRequest request, string? hash, Action attempt, Func<bool> acquired)
    {
        TimeSpan since = Model.Now;
        bool waiting = false;
        while (true)
        {
            attempt();
            if (acquired())
            {
                break;
            }

            if (!waiting)
            {
                waiting = true;
                _waiters.Add((request, hash));
                request.Enter(RequestPhase.WaitingForBuffer, Model.Now);
                Model.Emit(new BufferWaitStarted(request.Id, _waiters.Count));
            }

            yield return Scheduler.Park;
            if (request.Disconnected)
            {
                _waiters.RemoveAll(w => w.Request == request);
                Model.Counters.BufferWaitMs += (Model.Now - since).TotalMilliseconds;
                Model.Respond(request, KeepError.ClientGone.Status);
                Notify();
                yield break;
            }
        }

        if (waiting)
        {
            _waiters.RemoveAll(w => w.Request == request);
            Model.Counters.BufferWaitMs += (Model.Now - since).TotalMilliseconds;
        }

        Model.Counters.PeakBuffersInUse = Math.Max(Model.Counters.PeakBuffersInUse, Cache.InUse);
        Notify(); // someone else may be able to go on too
    }

    private IEnumerable<TimeSpan> ServeReady(KeepRequest request, SharedBuffer buffer, HashCheckWriter output)
    {
        Model.Counters.CacheHits++;
        request.Shared = true;
        Join(request, buffer);
        Model.Emit(new CacheHit(request.Id, buffer.Index, buffer.Hash!));
        request.Enter(RequestPhase.Streaming, Model.Now);
        string? error = output.Write(buffer.Data.AsMemory(0, buffer.BlockSize));
        foreach (TimeSpan delay in Model.AwaitDelivery(request))
        {
            yield return delay;
        }

        Finish(request, buffer, error is null ? null : new KeepError(502, error));
    }

    private IEnumerable<TimeSpan> ServeShared(KeepRequest request, SharedBuffer buffer, HashCheckWriter output)
    {
        request.Shared = true;
        Flight flight = Join(request, buffer);
        Model.Emit(new FetchJoined(request.Id, buffer.Index, flight.Hash, flight.Id));
        request.Enter(RequestPhase.Joined, Model.Now);
        KeepError? error = null;
        long sent = 0;
        while (true)
        {
            bool ready = buffer.State == SharedBufferState.Ready;
            if (ready || (Model.Config.StreamWhileFilling && buffer.State == SharedBufferState.Filling))
            {
                if (buffer.Filled > sent && output.Write(buffer.Data.AsMemory((int)sent, (int)(buffer.Filled - sent))) is { } writeError)
                {
                    error = new KeepError(502, writeError);
                    break;
                }

                sent = buffer.Filled;
            }

            if (ready)
            {
                break;
            }

            if (buffer.State == SharedBufferState.Failed)
            {
                error = buffer.Error;
                Model.Counters.ErrorFanout++;
                break;
            }

            if (request.Disconnected)
            {
                error = KeepError.ClientGone;
                break;
            }

            yield return Scheduler.Park;
        }

        foreach (TimeSpan delay in Model.AwaitDelivery(request))
        {
            yield return delay;
        }

        Finish(request, buffer, error);
    }

    private IEnumerable<TimeSpan> Fetch(KeepRequest request, SharedBuffer buffer, string? evicted, HashCheckWriter output)
    {
        string hash = request.Locator.Hash;
        Flight flight = Model.StartFlight(hash, buffer.Index, request);
        _flightOf[buffer.Index] = flight;
        Model.Emit(new FetchStarted(request.Id, buffer.Index, hash, flight.Id, evicted));
        request.Enter(RequestPhase.Filling, Model.Now);
        string? ownError = null;
        var streamer = new StreamWriterAt(buffer.Data, Model.Config.PartSize, (offset, count) =>
        {
            buffer.Filled = offset + count;
            ownError ??= output.Write(buffer.Data.AsMemory(offset, count));
            WakeSharers(flight);
            return null; // the fetch goes on for the sharers even if this request's client is gone
        });
        VolumeReadResult read = flight.Read;
        foreach (TimeSpan delay in Model.Reader.Read(request, hash, streamer, read, cancellable: false))
        {
            yield return delay;
        }

        KeepError? error = read.Error;
        string? closeError = streamer.Close();
        if (error is null && (streamer.WroteAt != request.Locator.Size || closeError is not null || !Verified(buffer, hash, read.Size)))
        {
            error = KeepError.Checksum;
        }

        buffer.BlockSize = read.Size;
        Cache.Complete(buffer, hash, error, Model.Now.Ticks);
        flight.Outcome = error?.ToString() ?? "ok";
        Model.Emit(new FetchFinished(buffer.Index, hash, flight.Id, buffer.Refs, error?.Message));

        WakeSharers(flight);
        foreach (TimeSpan delay in Model.AwaitDelivery(request))
        {
            yield return delay;
        }

        Finish(request, buffer, error ?? (ownError is null ? null : new KeepError(502, ownError)));
    }

    private static bool Verified(SharedBuffer buffer, string hash, int size)
    {
#pragma warning disable CA5351 // Keep names blocks by MD5
        return Convert.ToHexStringLower(MD5.HashData(buffer.Data.AsSpan(0, size))) == hash;
#pragma warning restore CA5351
    }

    private Flight Join(KeepRequest request, SharedBuffer buffer)
    {
        Flight flight = _flightOf[buffer.Index];
        flight.Requests.Add(request.Id);
        request.Fetch = flight.Id;
        return flight;
    }

    private void Finish(KeepRequest request, SharedBuffer buffer, KeepError? error)
    {
        Release(request, buffer);
        if (error is null)
        {
            Model.Respond(request, 200);
        }
        else
        {
            Model.Fail(request, error);
        }
    }

    private void Release(KeepRequest request, SharedBuffer buffer)
    {
        Cache.Release(buffer, Model.Now.Ticks);
        request.SharedBuffer = null;
        Model.Emit(new BufferReleased(request.Id, buffer.Index));
        Notify();
    }

    private void WakeSharers(Flight flight)
    {
        foreach (int id in flight.Requests)
        {
            Model.Wake(Model.Requests[id - 1]);
        }
    }

    /// <summary>Wakes waiters that can go on now: those whose block became mapped, and the first one if a buffer is free.</summary>
    private void Notify()
    {
        bool free = Cache.HasFree();
        foreach ((KeepRequest waiter, string? hash) in _waiters)
        {
            if (hash is not null && Cache.Find(hash) is not null)
            {
                Model.Wake(waiter);
            }
            else if (free)
            {
                Model.Wake(waiter);
                free = false;
            }
        }
    }
}
