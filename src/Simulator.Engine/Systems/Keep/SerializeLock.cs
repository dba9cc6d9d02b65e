namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors the unix driver's Serialize locker (services/keepstore/unix_volume.go lock/unlock, and
/// volume_unix.go at 0f644e242e): with DriverParameters.Serialize a volume's reads, compares and
/// writes hold one sync.Mutex for their I/O, so one runs at a time. Waiters get it in arrival order:
/// a Go mutex whose waiter has waited over 1 ms hands ownership straight to the first in line
/// (starvation mode), and a disk read lasts far longer. A waiter whose client leaves returns
/// ctx.Err(); the Lock goroutine it started still takes the mutex when its turn comes and unlocks
/// it at once.
/// </summary>
public sealed class SerializeLock
{
    private readonly Queue<SerializeLockWait> _waiters = new();

    /// <summary>Called when a waiter is handed the mutex (so its actor can be woken).</summary>
    public Action<SerializeLockWait>? Granted { get; set; }

    public bool Held { get; private set; }

    public int Waiting => _waiters.Count;

    /// <summary>v.lock(ctx): the mutex now if it is free, else a place at the end of the line.</summary>
    public SerializeLockWait Lock(object owner)
    {
        var wait = new SerializeLockWait(owner);
        if (!Held)
        {
            Held = true;
            wait.Acquired = true;
        }
        else
        {
            _waiters.Enqueue(wait);
        }

        return wait;
    }

    /// <summary>lock's ctx.Done branch: the caller leaves; its Lock goroutine unlocks as soon as it gets the mutex.</summary>
    public void Abandon(SerializeLockWait wait)
    {
        if (wait.Acquired)
        {
            wait.Acquired = false;
            Unlock();
        }
        else
        {
            wait.Orphaned = true;
        }
    }

    /// <summary>v.unlock(): the mutex goes to the first waiter in line, if any.</summary>
    public void Unlock()
    {
        if (!Held)
        {
            throw new InvalidOperationException("sync: unlock of unlocked mutex");
        }

        while (_waiters.TryDequeue(out SerializeLockWait? next))
        {
            if (next.Orphaned)
            {
                continue; // its goroutine locks and unlocks at once: the next one in line gets it
            }

            next.Acquired = true;
            Granted?.Invoke(next);
            return;
        }

        Held = false;
    }
}
