using System.Globalization;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>The INIT exchange in words, from the values the run negotiated: the protocol, each flag bit set, and the size fields of fuse_init_out with what the kernel kept.</summary>
public static class InitWords
{
    /// <summary>"0x00410020".</summary>
    public static string Hex(uint flags) => "0x" + flags.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The flag bits set, named.</summary>
    public static IReadOnlyList<InitFlag> Flags(InitView init) => InitFlags.Set(init.Flags);

    public static IReadOnlyList<InitField> Fields(InitView init, int pageSize, int inMessageBytes) =>
    [
        new("protocol", $"{init.Major}.{init.Minor}",
            $"major.minor: major {init.Major}, minor {init.Minor}. The kernel offered 7.{init.KernelMinor}; the library speaks 7.{InitNegotiation.MinMinor} to 7.{InitNegotiation.MaxMinor}, so both use the lower, 7.{init.Minor}.", "init-protocol"),
        new("max_readahead", MessageMapWords.Size(init.MaxReadahead), $"The most the kernel reads ahead of a program reading a file in order. The kernel offered {MessageMapWords.Size(init.KernelMaxReadahead)} and keeps the lower, {MessageMapWords.Size(init.Readahead)}: a buffered READ asks for no more.", "init-readahead"),
        new("max_write", MessageMapWords.Size(init.MaxWrite), $"The largest WRITE payload the daemon accepts ({MessageMapWords.Exact(init.MaxWrite)}).", "init-max-write"),
        new("max_pages", init.MaxPagesSent.ToString(CultureInfo.InvariantCulture),
            $"Pages per request the daemon asks for; the kernel keeps {init.KernelMaxPages} (its max_pages_limit is {init.MaxPagesLimit}). So the largest READ is {Units.Bytes(init.MaxReadRequest)} and the largest WRITE {Units.Bytes(init.MaxWriteRequest)}, at {Units.Bytes(pageSize)} pages.", "init-max-pages"),
        new("max_background", init.MaxBackground.ToString(CultureInfo.InvariantCulture), "Background requests (readahead, writeback) the kernel keeps in flight at most.", "init-max-background"),
        new("congestion_threshold", init.CongestionThreshold.ToString(CultureInfo.InvariantCulture), "Background requests in flight at which the kernel reports the mount congested.", "init-congestion"),
        new("time_gran", $"{init.TimeGran} ns", "The granularity of the file system's timestamps.", "init-time-gran"),
        new("read buffer", Units.Bytes(inMessageBytes),
            $"Each InMessage reads into {MessageMapWords.Exact(inMessageBytes)} (page size + the largest payload); the kernel refuses a read into fewer than {MessageMapWords.Exact(init.MinReadBuffer)} (max(8 KiB, 80 B + max_write)){(inMessageBytes < init.MinReadBuffer ? ", so every read fails with EINVAL" : "")}.", "init-read-buffer"),
    ];
}
