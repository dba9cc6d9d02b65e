using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>keepstore's BlockRead loop over the mounts, as steps: each volume's latency, then its chunks in the order its parallel parts land.</summary>
internal sealed class VolumeReader(KeepModel model, SeededRandom parts)
{
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
            yield return volume.Latency;
            byte[]? data = volume.Read(hash);
            if (data is null)
            {
                model.Emit(new VolumeReadFinished(request.Id, volume.Uuid, hash, 0, "not found"));
                continue;
            }

            int? failAfter = volume.FaultOf(hash)?.FailAfterBytes;
            long read = 0;
            string? error = null;
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

                yield return volume.TransferTime(length);
            }

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
