using System.Diagnostics;
using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>A read's two steps, open (or map) and then ReadAt, in this process or in the reader's own process.</summary>
public sealed partial class FilestoreModel
{
    /// <summary>
    /// Opens the chunk's block for <paramref name="reader"/>: true when it is open (its ReadAt is the
    /// next step's); false when opening failed, which is recorded now. Helpers, not the iterator,
    /// hold the timer and the reader, so no measurement or file handle is part of an actor's state.
    /// </summary>
    private bool StartRead(int reader, int chunk)
    {
        var timer = Stopwatch.StartNew();
        long length = _disk.Length; // what a mapping made now covers
        OpenRead? open;
        (FilestoreStatus Status, string? Message)? failed = null;
        double? childMicros = null;
        if (_processes.Length > 0)
        {
            (long size, double micros, ReaderProcessRead? failure) = _processes[reader - 1].Open(_cids[chunk]);
            childMicros = failure?.Micros ?? micros;
            open = failure is null ? new OpenRead(chunk, size, null, Config.Reader == ReaderKind.Mmap ? length : 0, timer) { ChildMicros = micros } : null;
            if (failure is not null)
            {
                _measured.ReaderRead(reader - 1, failure.Memory, 0);
                failed = (failure.Status, failure.Message);
            }
        }
        else
        {
            (OpenedBlock? opened, Exception? failure) = OpenBlock(_cids[chunk]);
            open = opened is null ? null : new OpenRead(chunk, (long)opened.Reference.Size, opened, opened.Reader is MmapReader mmap ? mmap.Length : 0, timer);
            failed = failure is null ? null : (FilestoreErrors.StatusOf(failure), failure.Message);
        }

        TruncateIfDue();
        timer.Stop();
        if (open is null)
        {
            Record(reader, chunk, failed!.Value.Status, failed.Value.Message, childMicros ?? timer.Elapsed.TotalMicroseconds);
            return false;
        }

        _open[reader] = open;
        PeakMappedBytes = Math.Max(PeakMappedBytes, MappedBytes);
        PeakBufferBytes = Math.Max(PeakBufferBytes, BufferBytes);
        return true;
    }

    private void FinishRead(int reader)
    {
        OpenRead read = _open[reader];
        _open.Remove(reader);
        read.Timer.Start();
        HeapBytes += read.Size;
        (FilestoreStatus status, string? message, double? childMicros) = read.Block is { } block ? ReadOpened(block) : ReadInProcess(reader, read.Size);
        read.Timer.Stop();
        if (status == FilestoreStatus.Ok)
        {
            BytesRead += read.Size;
        }

        if (read.Block is null && BlocksRead % MemoryEvery == 0)
        {
            _measured.SampleMemory(); // this process too: the page cache is the machine's
        }

        Record(reader, read.Chunk, status, message, childMicros is { } micros ? Math.Round(read.ChildMicros + micros, 1) : read.Timer.Elapsed.TotalMicroseconds);
    }

    /// <summary>The read of an open block in its reader's process; that process times and measures itself before it closes the block.</summary>
    private (FilestoreStatus, string?, double?) ReadInProcess(int reader, long size)
    {
        ReaderProcessRead done = _processes[reader - 1].Read();
        _measured.ReaderRead(reader - 1, done.Memory, done.Status == FilestoreStatus.Ok ? size : 0);
        return (done.Status, done.Message, done.Micros);
    }

    private (OpenedBlock? Opened, Exception? Failure) OpenBlock(Cid cid)
    {
        try
        {
            return (Manager.Open(cid, Manager.GetDataObj(cid)), null);
        }
        catch (Exception e) when (e is CorruptReferenceException or BlockNotFoundException or FilestoreException)
        {
            return (null, e);
        }
    }

    /// <summary>ReadAt, the CID check and Close; memory is sampled while the reader (and its mapping) is still open.</summary>
    private (FilestoreStatus, string?, double?) ReadOpened(OpenedBlock opened)
    {
        try
        {
            _ = FileManager.Read(opened);
            return (FilestoreStatus.Ok, null, null);
        }
        catch (CorruptReferenceException e)
        {
            return (e.Code, e.Message, null);
        }
        finally
        {
            if (BlocksRead % MemoryEvery == 0)
            {
                _measured.SampleMemory(); // while the reader (and its mapping) is still open
            }

            opened.Dispose();
        }
    }
}
