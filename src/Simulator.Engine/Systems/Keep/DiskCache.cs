using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>
/// Mirrors sharedCache.readAt in sdk/go/arvados/keep_cache.go, the one request coalescing Arvados
/// ships (client side): at most one backend fetch per block at a time, started by the first reader
/// and not cancelled when it leaves; readers wake as soon as the bytes they want are there
/// ("20318: Return requested range while fetching remainder of block"); a fetch error goes to
/// every reader of that attempt, even one whose range was complete; the entry leaves the map when
/// the fetch ends, so a later read hits the finished file or starts a new fetch. Readers and the
/// fetch are actors of a <see cref="Scheduler"/>; the backend is a <see cref="KeepVolume"/>.
/// </summary>
public sealed class DiskCache(Scheduler scheduler, KeepVolume backend, int chunkBytes)
{
    private readonly Dictionary<string, WriteProgress> _writing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBlock> _files = new(StringComparer.Ordinal);

    /// <summary>Backend fetches started (CacheMisses).</summary>
    public int CacheMisses { get; private set; }

    public bool IsFetching(string hash) => _writing.ContainsKey(hash);

    /// <summary>readAt(locator, dst, offset) as an actor body; the outcome lands in <paramref name="result"/>.</summary>
    public IEnumerable<TimeSpan> ReadAt(KeepLocator locator, int offset, byte[] dst, DiskCacheRead result)
    {
        int length = dst.Length;
        if (_files.TryGetValue(locator.Hash, out StoredBlock? cached))
        {
            result.Bytes = Copy(cached.AsSpan(0, cached.Length), offset, dst);
            result.SizeWhenReturned = cached.Length;
            result.Returned = true;
            yield break; // quickReadAt on the finished cache file
        }

        if (!_writing.TryGetValue(locator.Hash, out WriteProgress? progress))
        {
            progress = new WriteProgress(locator.Size);
            _writing[locator.Hash] = progress;
            CacheMisses++;
            scheduler.Spawn($"fetch-{locator.Hash[..8]}", Fetch(locator, progress));
        }

        progress.Readers++;
        ActorHandle me = scheduler.Current!;
        progress.Waiters.Add(me);
        while (!progress.Done && progress.Size < offset + length)
        {
            yield return Scheduler.Park; // cond.Wait
        }

        progress.Waiters.Remove(me);
        progress.Readers--;
        result.SizeWhenReturned = progress.Size;
        result.Returned = true;
        if (progress.Error is not null)
        {
            result.Error = progress.Error; // (0, err) even if the wanted bytes had arrived
        }
        else if (length > 0)
        {
            result.Bytes = Copy(progress.File.AsSpan(0, progress.Size), offset, dst);
        }
    }

    private static int Copy(ReadOnlySpan<byte> file, int offset, byte[] dst)
    {
        int n = Math.Max(0, Math.Min(dst.Length, file.Length - offset));
        file.Slice(offset, n).CopyTo(dst);
        return n;
    }

    private IEnumerable<TimeSpan> Fetch(KeepLocator locator, WriteProgress progress)
    {
        yield return backend.Latency;
        StoredBlock? data = backend.Read(locator.Hash);
        int? failAfter = backend.FaultOf(locator.Hash)?.FailAfterBytes;
        if (data is null)
        {
            progress.Error = "block not found";
        }
        else
        {
            backend.BeginRead();
            for (int offset = 0; offset < data.Length; offset += chunkBytes)
            {
                int n = Math.Min(chunkBytes, data.Length - offset);
                if (failAfter is { } limit && offset + n > limit)
                {
                    progress.Error = VolumeFault.FailureMessage;
                    break;
                }

                yield return backend.ReadTime(n);
                data.AsSpan(offset, n).CopyTo(progress.File.AsSpan(offset));
                progress.Size += n;
                Broadcast(progress);
            }

            backend.EndRead();
        }

        progress.Done = true;
        Broadcast(progress);
        _writing.Remove(locator.Hash);
        if (progress.Error is null)
        {
            _files[locator.Hash] = new StoredBlock(progress.File);
        }

        yield return TimeSpan.Zero;
    }

    private void Broadcast(WriteProgress progress)
    {
        foreach (ActorHandle waiter in progress.Waiters)
        {
            scheduler.Wake(waiter);
        }
    }
}
