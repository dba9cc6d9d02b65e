using BufferLab.Simulator.Engine.Simulations.Filestore.Telemetry;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Filestore;

/// <summary>
/// What the bytes-per-reader picture shows: mapped, buffer, copied and resident bytes of one run,
/// a log scale shared by both runs, and the one line that says how the readers differ.
/// </summary>
public static class ReaderBytes
{
    /// <summary>The scale starts at one page: smaller figures (0 B) draw no bar.</summary>
    public const long ScaleMin = 4096;

    public static IReadOnlyList<ReaderBytesRow> Rows(FilestoreSnapshot s) =>
    [
        new("mapped", "mapped", "address space mapped by reads in flight: the whole file per mmap read, none for std", s.MappedBytes, s.PeakMappedBytes),
        new("buffers", "buffers", "read buffers (outbuf) of reads in flight: one block-size heap buffer per read, with either reader", s.BufferBytes, s.PeakBufferBytes),
        new("copied", "copied", "bytes copied out of the page cache (pread) or the mapping into read buffers, by completed reads so far", s.BytesRead, null),
        new("resident", "resident", "this file's pages in the page cache (mincore, last measured)", s.FileResidentBytes, s.PeakFileResidentBytes),
    ];

    /// <summary>The top of the shared scale: the largest figure of either run, up to a power of two (at least 1 MiB).</summary>
    public static long ScaleMax(params FilestoreSnapshot?[] runs)
    {
        long max = 1 << 20;
        foreach (FilestoreSnapshot s in runs.OfType<FilestoreSnapshot>())
        {
            foreach (ReaderBytesRow row in Rows(s))
            {
                max = Math.Max(max, Math.Max(row.Now, row.Peak ?? 0));
            }
        }

        long top = 1 << 20;
        while (top < max && top < long.MaxValue / 2)
        {
            top *= 2;
        }

        return top;
    }

    /// <summary>Where <paramref name="bytes"/> falls on the log scale from <see cref="ScaleMin"/> to <paramref name="max"/>, 0 to 100 (0 B: 0).</summary>
    public static double Percent(long bytes, long max) =>
        bytes < ScaleMin ? (bytes > 0 ? 0.5 : 0) : Math.Clamp(100 * Math.Log2((double)bytes / ScaleMin) / Math.Log2((double)max / ScaleMin), 0.5, 100);

    /// <summary>Scale labels: the start, each power of 1024 in between that does not crowd the top, and the top.</summary>
    public static IReadOnlyList<long> Ticks(long max)
    {
        var ticks = new List<long> { ScaleMin };
        for (long t = 1 << 20; t < max; t *= 1024)
        {
            if (Percent(t, max) <= 85)
            {
                ticks.Add(t);
            }
        }

        ticks.Add(max);
        return ticks;
    }

    /// <summary>One line on what differs between the runs' readers (or about the one run), from their figures.</summary>
    public static string Caption(FilestoreSnapshot main, FilestoreSnapshot? other)
    {
        string block = Units.Bytes(main.ChunkBytes);
        FilestoreSnapshot? mmap = main.Reader == "mmap" ? main : other?.Reader == "mmap" ? other : null;
        FilestoreSnapshot? std = main.Reader == "std" ? main : other?.Reader == "std" ? other : null;
        string mmapSays = mmap is null ? "" : mmap.PeakMappedBytes == 0
            ? $"mmap has mapped nothing yet (it maps the whole {Units.Bytes(mmap.FileBytes)} file per read)"
            : $"mmap maps {Units.Bytes(mmap.PeakMappedBytes)} at the peak (the whole {Units.Bytes(mmap.FileBytes)} file per read in flight) to read {block} blocks";
        string stdSays = std is null ? "" : $"std maps nothing and preads each block into one {block} buffer";
        return (mmap, std, other) switch
        {
            (not null, not null, _) => $"{mmapSays}; {stdSays} (mmap allocates the same buffer too).",
            (not null, null, not null) => $"Both runs use the mmap reader: {mmapSays}.",
            (null, not null, not null) => $"Both runs use the std reader: {stdSays}.",
            (not null, _, null) => $"{mmapSays}, and allocates one {block} buffer per read too.",
            _ => $"{stdSays}: {Units.Bytes(std!.PeakBufferBytes)} of buffers at the peak.",
        };
    }
}
