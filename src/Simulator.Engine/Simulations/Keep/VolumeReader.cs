using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// keepstore's volume reads, as steps: today's BlockRead loop over the mounts (each volume's latency,
/// then its chunks in the order its parallel parts land), and the 2017 vol.Get of one volume.
/// </summary>
internal sealed class VolumeReader(KeepModel model, SeededRandom parts)
{
    /// <summary>ctx.Err() once the client has gone.</summary>
    private const string ContextCanceled = "context canceled";

    /// <summary>
    /// One BlockRead over the mounts in rendezvous order into <paramref name="sink"/>: first-byte
    /// latency, then chunks at the volume's bandwidth, in the order its parallel parts land. Not
    /// found tries the next mount; an error after bytes were written stops there.
    /// </summary>
    public IEnumerable<TimeSpan> Read(KeepRequest request, string hash, StreamWriterAt sink, VolumeReadResult result, bool cancellable)
    {
        KeepError errorToCaller = KeepError.NotFound;
        foreach (KeepVolume volume in Rendezvous.Order(hash, model.Volumes))
        {
            if (cancellable && request.Disconnected)
            {
                result.Error = KeepError.ClientGone;
                yield break;
            }

            model.Counters.VolumeReads++;
            result.Attempts++;
            result.Volume = volume.Uuid;
            model.Emit(new VolumeReadStarted(request.Id, volume.Uuid, hash));
            SerializeLockWait? held = null;
            if (volume.Serialize && volume.Contains(hash))
            {
                // unix_volume.go BlockRead: stat first (not found needs no lock), then v.lock(ctx) around open and io.Copy
                held = volume.Lock.Lock(request);
                foreach (TimeSpan delay in model.AwaitVolumeLock(request, volume, held, cancellable))
                {
                    yield return delay;
                }

                if (!held.Acquired)
                {
                    model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, 0, ContextCanceled));
                    errorToCaller = KeepError.ClientGone;
                    continue;
                }
            }

            yield return volume.Latency;
            StoredBlock? data = volume.Read(hash);
            if (data is null)
            {
                Unlock(volume, held);
                model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, 0, "not found"));
                continue;
            }

            int? failAfter = volume.FaultOf(hash)?.FailAfterBytes;
            long read = 0;
            string? error = null;
            volume.BeginRead();
            foreach ((int offset, int length) in ChunkOrder(data.Length, volume.ParallelParts))
            {
                if (cancellable && request.Disconnected)
                {
                    error = KeepError.ClientGone.Message;
                    break;
                }

                int take = failAfter is { } limit ? (int)Math.Clamp(limit - read, 0, length) : length;
                if (take > 0)
                {
                    error = sink.WriteAt(data.AsSpan(offset, take), offset);
                    read += take;
                    model.Counters.BytesFromVolumes += take;
                    result.BytesRead += take;
                }

                if (error is null && take < length)
                {
                    error = VolumeFault.FailureMessage;
                }

                if (error is not null)
                {
                    break;
                }

                yield return volume.ReadTime(length);
            }

            volume.EndRead();
            Unlock(volume, held);
            model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, read, error ?? "ok"));
            if (error is null)
            {
                result.Error = null;
                result.Size = data.Length;
                yield break;
            }

            KeepError failure = error == KeepError.ClientGone.Message ? KeepError.ClientGone : new KeepError(500, error);
            if (sink.WroteAt != 0)
            {
                result.Error = failure; // too late to try another volume
                yield break;
            }

            errorToCaller = failure;
        }

        result.Error = errorToCaller;
    }

    /// <summary>
    /// The 2017 vol.Get(ctx, hash, buf) (services/keepstore/pipe_adapters.go getWithPipe at
    /// 0f644e242e): first-byte latency, then the block's bytes in order into <paramref name="buffer"/>
    /// (io.ReadFull from the volume's pipe) at the volume's bandwidth. It returns the context's error
    /// as soon as the client has left (the select on ctx.Done), not found, an I/O error, or the size.
    /// </summary>
    public IEnumerable<TimeSpan> Get(KeepRequest request, KeepVolume volume, string hash, byte[] buffer, VolumeGetResult result, VolumeReadResult progress)
    {
        if (request.Disconnected)
        {
            result.Error = ContextCanceled;
            yield break;
        }

        model.Counters.VolumeReads++;
        progress.Attempts++;
        progress.Volume = volume.Uuid;
        model.Emit(new VolumeReadStarted(request.Id, volume.Uuid, hash));
        SerializeLockWait? held = null;
        if (volume.Serialize && volume.Contains(hash))
        {
            // volume_unix.go ReadBlock (0f644e242e): stat, then getFunc's v.lock(ctx) around open and io.Copy
            held = volume.Lock.Lock(request);
            foreach (TimeSpan delay in model.AwaitVolumeLock(request, volume, held))
            {
                yield return delay;
            }

            if (!held.Acquired)
            {
                result.Error = ContextCanceled;
                model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, 0, ContextCanceled));
                yield break;
            }
        }

        yield return volume.Latency;
        StoredBlock? data = request.Disconnected ? null : volume.Read(hash);
        if (data is null)
        {
            Unlock(volume, held);
            result.NotExist = !request.Disconnected;
            result.Error = request.Disconnected ? ContextCanceled : null;
            model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, 0, result.Error ?? "not found"));
            yield break;
        }

        int? failAfter = volume.FaultOf(hash)?.FailAfterBytes;
        int chunk = model.Config.ChunkSize;
        long read = 0;
        string? error = null;
        volume.BeginRead();
        for (int offset = 0; offset < data.Length; offset += chunk)
        {
            if (request.Disconnected)
            {
                error = ContextCanceled;
                break;
            }

            int length = Math.Min(chunk, data.Length - offset);
            int take = failAfter is { } limit ? (int)Math.Clamp(limit - read, 0, length) : length;
            data.AsSpan(offset, take).CopyTo(buffer.AsSpan(offset));
            read += take;
            model.Counters.BytesFromVolumes += take;
            progress.BytesRead += take;
            if (take < length)
            {
                error = VolumeFault.FailureMessage;
                break;
            }

            yield return volume.ReadTime(length);
        }

        volume.EndRead();
        Unlock(volume, held);
        model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, read, error ?? "ok"));
        result.Error = error;
        result.Size = error is null ? data.Length : 0;
    }

    /// <summary>The deferred v.unlock() of a read that took a Serialize volume's lock.</summary>
    private static void Unlock(KeepVolume volume, SerializeLockWait? held)
    {
        if (held is { Acquired: true })
        {
            volume.Lock.Unlock();
        }
    }

    private List<(int Offset, int Length)> ChunkOrder(int size, int parallel)
    {
        int chunk = model.Config.ChunkSize;
        var chunks = new List<(int Offset, int Length)>();
        for (int offset = 0; offset < size; offset += chunk)
        {
            chunks.Add((offset, Math.Min(chunk, size - offset)));
        }

        for (int group = 0; group < chunks.Count; group += parallel)
        {
            int count = Math.Min(parallel, chunks.Count - group);
            for (int i = count - 1; i > 0; i--)
            {
                int j = parts.NextInt(i + 1);
                (chunks[group + i], chunks[group + j]) = (chunks[group + j], chunks[group + i]);
            }
        }

        return chunks;
    }
}
