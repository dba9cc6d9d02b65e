using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// Mirrors the volume part of keepstore.go BlockWrite: the writable mounts in rendezvous order;
/// mounts that already hold the block count (compared, then touched; different bytes are
/// errCollision); then writes start in order, each only when the writes in flight could not
/// satisfy the request without it (so with no storage classes asked for, a failed write fails
/// over to the next mount), run side by side in virtual time, and end as they finish. The
/// answer: the replicas and classes stored, else errFull if every failed write was "full", else
/// errVolumeUnavailable.
/// </summary>
internal sealed class VolumeWriter(KeepModel model)
{
    public IEnumerable<TimeSpan> Write(KeepRequest request, string hash, byte[] data, PutResult result)
    {
        IReadOnlyList<KeepVolume> mounts = Rendezvous.Order(hash, [.. model.Volumes.Where(v => v.Writable)]);
        var progress = new PutProgress(request.StorageClasses);
        foreach (KeepVolume mount in mounts.Where(progress.Want))
        {
            if (mount.Read(hash) is not { } existing)
            {
                continue;
            }

            yield return mount.Latency + mount.TransferTime(existing.Length); // checkEqual reads it all
            if (!existing.AsSpan(0, existing.Length).SequenceEqual(data))
            {
                result.Error = KeepError.Collision;
                yield break;
            }

            progress.Add(mount);
            model.Emit(new VolumeWriteFinished(request.Id, mount.Uuid, "exists"));
        }

        bool allFull = true;
        PutProgress pending = progress.Copy();
        var inFlight = new List<(KeepVolume Mount, TimeSpan Done)>();
        foreach (KeepVolume mount in mounts)
        {
            while (!progress.Done() && !request.Disconnected && progress.Want(mount) && !pending.Want(mount) && inFlight.Count > 0)
            {
                // It may not be needed, depending on the writes in flight: wait for one to finish.
                foreach (TimeSpan delay in FinishNext(request, hash, data, inFlight, progress, pending, () => allFull = false))
                {
                    yield return delay;
                }
            }

            if (progress.Done() || request.Disconnected)
            {
                break;
            }

            if (!progress.Want(mount))
            {
                continue;
            }

            pending.Add(mount);
            inFlight.Add((mount, model.Now + mount.Latency + mount.TransferTime(data.Length)));
        }

        while (inFlight.Count > 0)
        {
            foreach (TimeSpan delay in FinishNext(request, hash, data, inFlight, progress, pending, () => allFull = false))
            {
                yield return delay;
            }
        }

        if (!request.Disconnected && (progress.Done() || progress.TotalReplication > 0))
        {
            result.Error = null;
            model.Emit(new BlockStored(request.Id, progress.TotalReplication,
                string.Join(", ", progress.ClassDone.Where(c => c.Value > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")))));
            yield break;
        }

        result.Error = request.Disconnected ? KeepError.ClientGone : allFull ? KeepError.Full : KeepError.VolumeUnavailable;
    }

    /// <summary>Waits for the write in flight that finishes first (the earliest started, on a tie), then counts it.</summary>
    private IEnumerable<TimeSpan> FinishNext(KeepRequest request, string hash, byte[] data, List<(KeepVolume Mount, TimeSpan Done)> inFlight,
        PutProgress progress, PutProgress pending, Action notAllFull)
    {
        int next = 0;
        for (int i = 1; i < inFlight.Count; i++)
        {
            next = inFlight[i].Done < inFlight[next].Done ? i : next;
        }

        (KeepVolume mount, TimeSpan done) = inFlight[next];
        inFlight.RemoveAt(next);
        if (done > model.Now)
        {
            yield return done - model.Now;
        }

        VolumeWriteFault fault = mount.Write(hash, data);
        pending.Sub(mount);
        if (fault == VolumeWriteFault.None)
        {
            progress.Add(mount);
        }
        else if (fault != VolumeWriteFault.Full)
        {
            notAllFull();
        }

        model.Emit(new VolumeWriteFinished(request.Id, mount.Uuid, fault switch
        {
            VolumeWriteFault.None => "ok",
            VolumeWriteFault.Full => "full",
            _ => "error",
        }));
    }
}
