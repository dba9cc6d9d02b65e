using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// The 2017 keepstore's PUT (services/keepstore/handlers.go at 0f644e242e: PutBlockHandler 173-233,
/// PutBlock 708-766, CompareAndTouch 773-807; volume.go's RRVolumeManager): no storage classes (the
/// X-Keep-Storage-Classes header did not exist, so a PUT's classes are ignored), one replica
/// written, volumes tried one after another.
/// </summary>
internal sealed partial class LegacyServer
{
    /// <summary>RRVolumeManager.counter (volume.go:318, 375): one per server, so PUTs take the writable volumes in turn.</summary>
    private uint _writeCounter;

    /// <summary>
    /// PutBlockHandler: admission; Content-Length over BlockSize is 413 and no writable volume 503
    /// "Full", both before a buffer (188-196); getBufferWithContext (503 "Client disconnected",
    /// 198-202); io.ReadFull of the body (500 with its error, 204-209); PutBlock; the buffer back
    /// (212); the error's status, or 200 with X-Keep-Replicas-Stored (214-232).
    /// </summary>
    public override IEnumerable<TimeSpan> Put(KeepRequest request)
    {
        foreach (TimeSpan delay in Admit(request))
        {
            yield return delay;
        }

        if (request.IsDone)
        {
            yield break;
        }

        // A client here always sends Content-Length (the locator's size hint when it has one, else
        // the body's length), so 183-186 (411 Missing Content-Length) never answers.
        byte[] body = request.Body ?? [];
        int contentLength = request.Locator.Size != 0 ? request.Locator.Size : body.Length;
        if (contentLength > Model.Config.BufferSize)
        {
            Answer(request, LegacyKeepError.TooLong); // 188-191
            yield break;
        }

        if (!Model.Volumes.Any(v => v.Writable))
        {
            Answer(request, LegacyKeepError.Full); // 193-196
            yield break;
        }

        var holder = new BufferHolder();
        foreach (TimeSpan delay in Model.GetBuffer(request, holder))
        {
            yield return delay;
        }

        if (holder.Buffer is not { } buffer)
        {
            Answer(request, LegacyKeepError.ClientDisconnect); // 198-202
            yield break;
        }

        // 204: io.ReadFull(req.Body, buf) with buf of Content-Length bytes; a body cut short (shorter
        // than its Content-Length, or its client gone while sending) is an error, answered 500 (205-208).
        int n = Math.Min(body.Length, contentLength);
        request.Enter(RequestPhase.Receiving, Model.Now);
        yield return Model.ClientTransferTime(n);
        body.AsSpan(0, n).CopyTo(buffer);
        string? readError = request.Disconnected || (n < contentLength && n > 0) ? "unexpected EOF" : n < contentLength ? "EOF" : null;
        if (readError is not null)
        {
            Model.PutBuffer(request, buffer);
            Answer(request, new KeepError(500, readError));
            yield break;
        }

        var result = new PutResult();
        request.Enter(RequestPhase.Writing, Model.Now);
        foreach (TimeSpan delay in PutBlock(request, buffer.AsSpan(0, n).ToArray(), request.Locator.Hash, result))
        {
            yield return delay;
        }

        Model.PutBuffer(request, buffer); // 212
        if (result.Error is { } error)
        {
            Answer(request, error); // 214-221
            yield break;
        }

        Model.Emit(new BlockStored(request.Id, result.Replicas, "")); // 231: X-Keep-Replicas-Stored only; no classes confirmed in 2017
        Model.Respond(request, 200);
    }

    private void Answer(KeepRequest request, KeepError error) => Model.Respond(request, error.Status, message: error.Message);

    /// <summary>
    /// PutBlock (708-766): the body's MD5 against the URL's hash (422); CompareAndTouch (a copy already
    /// there is enough; a collision is 500); then NextWritable's volume (round robin); if that fails,
    /// every writable volume in configuration order, the first again among them; the client leaving
    /// is 503 "Client disconnected"; none stored: 503 "Full" if every write in the loop was full,
    /// else 500 "Fail".
    /// </summary>
    private IEnumerable<TimeSpan> PutBlock(KeepRequest request, byte[] block, string hash, PutResult result)
    {
#pragma warning disable CA5351 // Keep names blocks by MD5
        string blockhash = Convert.ToHexStringLower(MD5.HashData(block));
#pragma warning restore CA5351
        if (blockhash != hash)
        {
            Log(request, $"{hash}: MD5 checksum {blockhash} did not match request"); // 710-714
            result.Error = LegacyKeepError.RequestHash;
            yield break;
        }

        var touched = new PutResult();
        foreach (TimeSpan delay in CompareAndTouch(request, hash, block, touched))
        {
            yield return delay;
        }

        if (touched.Error is null || touched.Error == LegacyKeepError.Collision)
        {
            (result.Error, result.Replicas) = (touched.Error, touched.Replicas); // 719-720
            yield break;
        }

        if (request.Disconnected)
        {
            result.Error = LegacyKeepError.ClientDisconnect; // 721-722
            yield break;
        }

        List<KeepVolume> writables = [.. Model.Volumes.Where(v => v.Writable)];
        KeepVolume next = writables[(int)(++_writeCounter % (uint)writables.Count)]; // volume.go:371-377: the Nth call returns writables[N % len]
        var first = new VolumePutResult();
        foreach (TimeSpan delay in VolumePut(request, next, hash, block, first))
        {
            yield return delay;
        }

        if (first.Ok)
        {
            (result.Error, result.Replicas) = (null, next.Replication); // 728-729; its failure is not logged
            yield break;
        }

        if (request.Disconnected)
        {
            result.Error = LegacyKeepError.ClientDisconnect; // 731-732
            yield break;
        }

        bool allFull = true;
        foreach (KeepVolume volume in writables)
        {
            var put = new VolumePutResult();
            foreach (TimeSpan delay in VolumePut(request, volume, hash, block, put))
            {
                yield return delay;
            }

            if (request.Disconnected)
            {
                result.Error = LegacyKeepError.ClientDisconnect; // 745-747
                yield break;
            }

            if (put.Ok)
            {
                (result.Error, result.Replicas) = (null, volume.Replication); // 748-750
                yield break;
            }

            if (put.Fault != VolumeWriteFault.Full)
            {
                allFull = false; // 751-757
                Log(request, $"{volume.Uuid}: Write({hash}): {VolumeFault.WriteFailureMessage}");
            }
        }

        if (allFull)
        {
            Log(request, "All volumes are full."); // 760-763
            result.Error = LegacyKeepError.Full;
            yield break;
        }

        result.Error = LegacyKeepError.Generic; // 765
    }

    /// <summary>
    /// CompareAndTouch (773-807): the writable volumes in configuration order. No copy: next, silently.
    /// The client gone: ctx.Err(). A copy with other bytes that still hash to the locator: CollisionError,
    /// logged, the end (779-786); other bytes that do not (collision.go collisionOrCorrupt: DiskHashError)
    /// or an I/O error: logged, next volume (791-796). The same bytes: touched (its mtime; not timed
    /// here), and that volume's replication is the answer (798-804). Otherwise NotFoundError.
    /// </summary>
    private IEnumerable<TimeSpan> CompareAndTouch(KeepRequest request, string hash, byte[] block, PutResult result)
    {
        result.Error = LegacyKeepError.NotFound;
        foreach (KeepVolume volume in Model.Volumes.Where(v => v.Writable))
        {
            if (volume.Read(hash) is not { } existing)
            {
                continue; // volume_unix.go Compare: stat says it does not exist
            }

            SerializeLockWait? held = null;
            if (volume.Serialize)
            {
                held = volume.Lock.Lock(request); // volume_unix.go Compare -> getFunc -> v.lock(ctx)
                foreach (TimeSpan delay in Model.AwaitVolumeLock(request, volume, held))
                {
                    yield return delay;
                }
            }

            int? failAfter = volume.FaultOf(hash)?.FailAfterBytes;
            if (held is null || held.Acquired)
            {
                yield return volume.Latency + volume.TransferTime(failAfter is { } limit ? Math.Min(limit, existing.Length) : existing.Length);
                if (held is not null)
                {
                    volume.Lock.Unlock();
                }
            }

            if (request.Disconnected)
            {
                result.Error = LegacyKeepError.ClientDisconnect; // 777-778: ctx.Err()
                yield break;
            }

            if (failAfter is not null)
            {
                Log(request, $"{volume.Uuid}: Compare({hash}): {VolumeFault.FailureMessage}");
                continue;
            }

            if (!existing.AsSpan(0, existing.Length).SequenceEqual(block))
            {
#pragma warning disable CA5351 // Keep names blocks by MD5
                bool collision = Convert.ToHexStringLower(MD5.HashData(existing.AsSpan(0, existing.Length))) == hash;
#pragma warning restore CA5351
                KeepError error = collision ? LegacyKeepError.Collision : LegacyKeepError.DiskHash;
                Log(request, $"{volume.Uuid}: Compare({hash}): {error.Message}");
                if (collision)
                {
                    result.Error = error;
                    yield break;
                }

                continue;
            }

            Model.Emit(new VolumeWriteFinished(request.Id, volume.Uuid, "exists"));
            (result.Error, result.Replicas) = (null, volume.Replication);
            yield break;
        }
    }

    /// <summary>
    /// vol.Put(ctx, hash, block) through putWithPipe (pipe_adapters.go:45-96) on one volume: a full
    /// volume fails before any I/O (volume_unix.go WriteBlock's IsFull); a Serialize volume's lock is
    /// held for the write; the first-byte latency and the bytes at the volume's bandwidth; the client
    /// gone by then is ctx.Err() and the pipe's error leaves nothing stored.
    /// </summary>
    private IEnumerable<TimeSpan> VolumePut(KeepRequest request, KeepVolume volume, string hash, byte[] block, VolumePutResult result)
    {
        if (volume.WriteFault == VolumeWriteFault.Full)
        {
            result.Fault = VolumeWriteFault.Full;
            Model.Emit(new VolumeWriteFinished(request.Id, volume.Uuid, "full"));
            yield break;
        }

        SerializeLockWait? held = null;
        if (volume.Serialize)
        {
            held = volume.Lock.Lock(request);
            foreach (TimeSpan delay in Model.AwaitVolumeLock(request, volume, held))
            {
                yield return delay;
            }
        }

        if (held is null || held.Acquired)
        {
            yield return volume.Latency + volume.TransferTime(block.Length);
            if (held is not null)
            {
                volume.Lock.Unlock();
            }
        }

        if (request.Disconnected)
        {
            result.Canceled = true;
            Model.Emit(new VolumeWriteFinished(request.Id, volume.Uuid, "context canceled"));
            yield break;
        }

        result.Fault = volume.Write(hash, block);
        Model.Emit(new VolumeWriteFinished(request.Id, volume.Uuid, result.Fault == VolumeWriteFault.None ? "ok" : "error"));
    }

    private void Log(KeepRequest request, string line) => Model.Emit(new ServerLogged(request.Id, line));
}
