using System.Threading.Channels;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors golang.org/x/sync/singleflight/singleflight.go (@ec11c4a) with real threads: while a
/// call for a key is in flight, callers of the same key wait and get its result (shared = true),
/// errors included; nothing is kept after it returns. A panic (an exception thrown by fn) reaches
/// every Do caller as the same <see cref="SingleflightPanicException"/>. Two Go-only behaviours
/// have no .NET equivalent and are named instead: runtime.Goexit does not exist here, and where Go
/// re-panics on a new goroutine for DoChan waiters (killing the process) this calls
/// <see cref="Unrecoverable"/>, which by default fails the process fast as Go does.
/// </summary>
public sealed class SingleflightGroup<T>
{
    private readonly Lock _gate = new();
    private Dictionary<string, Call>? _calls; // created lazily, like Group.m

    /// <summary>Go's `go panic(e)` for a panic with DoChan waiters; replace it in tests.</summary>
    public Action<SingleflightPanicException> Unrecoverable { get; init; } =
        e => Environment.FailFast("singleflight: panic with DoChan waiters cannot be recovered", e);

    /// <summary>Do: runs <paramref name="fn"/> once per key at a time; duplicates wait and share the result. Errors come back in the result.</summary>
    public SingleflightResult<T> Do(string key, Func<T> fn)
    {
        Call call;
        bool leader = false;
        lock (_gate)
        {
            _calls ??= new Dictionary<string, Call>(StringComparer.Ordinal);
            if (_calls.TryGetValue(key, out Call? inFlight))
            {
                inFlight.Dups++;
                call = inFlight;
            }
            else
            {
                call = new Call();
                _calls[key] = call;
                leader = true;
            }
        }

        if (leader)
        {
            DoCall(key, call, fn); // fn runs without the lock held
        }
        else
        {
            call.Done.Wait();
        }

        return Finish(call);
    }

    /// <summary>DoChan: like Do, but the result comes on a channel of capacity 1 that is never completed.</summary>
    public ChannelReader<SingleflightResult<T>> DoChan(string key, Func<T> fn)
    {
        var channel = Channel.CreateBounded<SingleflightResult<T>>(1);
        lock (_gate)
        {
            _calls ??= new Dictionary<string, Call>(StringComparer.Ordinal);
            if (_calls.TryGetValue(key, out Call? inFlight))
            {
                inFlight.Dups++;
                inFlight.Chans.Add(channel.Writer);
                return channel.Reader;
            }

            var call = new Call();
            call.Chans.Add(channel.Writer);
            _calls[key] = call;
            _ = Task.Run(() => DoCall(key, call, fn));
        }

        return channel.Reader;
    }

    /// <summary>Forget: the next Do for the key runs fn again; callers already waiting still get the old result.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            _calls?.Remove(key);
        }
    }

    /// <summary>How many callers joined the call in flight for <paramref name="key"/> (0 when none is in flight).</summary>
    internal int DupsOf(string key)
    {
        lock (_gate)
        {
            return _calls is not null && _calls.TryGetValue(key, out Call? call) ? call.Dups : 0;
        }
    }

    private void DoCall(string key, Call call, Func<T> fn)
    {
        try
        {
            call.Value = fn();
        }
        catch (SingleflightErrorException e)
        {
            call.Error = e.InnerException;
        }
        catch (Exception e)
        {
            call.Panic = new SingleflightPanicException(e, e);
        }

        List<ChannelWriter<SingleflightResult<T>>> chans;
        lock (_gate)
        {
            call.Done.Set();
            if (_calls is not null && _calls.TryGetValue(key, out Call? current) && current == call)
            {
                _calls.Remove(key); // only if it still points to this call: a newer call after Forget stays
            }

            chans = call.Chans;
            if (call.Panic is null)
            {
                foreach (ChannelWriter<SingleflightResult<T>> ch in chans)
                {
                    ch.TryWrite(new SingleflightResult<T>(call.Value, call.Error, call.Dups > 0));
                }
            }
        }

        if (call.Panic is not null && chans.Count > 0)
        {
            Unrecoverable(call.Panic);
        }
    }

    private static SingleflightResult<T> Finish(Call call) =>
        call.Panic is not null ? throw call.Panic : new SingleflightResult<T>(call.Value, call.Error, call.Dups > 0);

    private sealed class Call
    {
        public ManualResetEventSlim Done { get; } = new();

        public T? Value { get; set; }

        public Exception? Error { get; set; }

        public SingleflightPanicException? Panic { get; set; }

        public int Dups { get; set; }

        public List<ChannelWriter<SingleflightResult<T>>> Chans { get; } = [];
    }
}
