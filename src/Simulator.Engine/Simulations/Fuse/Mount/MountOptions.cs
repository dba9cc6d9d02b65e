using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>What a real-mount run does: which daemon, the mount's options, and the I/O another process performs on its file.</summary>
public sealed record MountOptions
{
    /// <summary>The most bytes a run moves: the largest file a FUSE scenario holds, so every run can be recorded.</summary>
    public const long MaxTotalBytes = FuseScenario.MaxFileBytes;
    public const int MinBlockBytes = 4096, MaxBlockBytes = 16 << 20;

    public FuseMode Mode { get; init; } = FuseMode.Master;

    /// <summary>dd's block size (bs).</summary>
    public int BlockBytes { get; init; } = 1 << 20;

    /// <summary>Bytes written and then read back (the file's size).</summary>
    public long TotalBytes { get; init; } = 64 << 20;

    /// <summary>OPEN answers FOPEN_DIRECT_IO and dd opens with O_DIRECT: requests skip the page cache, as large as max_pages allows.</summary>
    public bool Direct { get; init; }

    public bool Read { get; init; } = true;

    /// <summary>
    /// The benchmark's read: dd reads to /dev/null, so only the mount is timed (not a copy written
    /// to tmpfs), and the bytes are checked by a second, untimed read of the mount (whose requests
    /// the report counts too). Off: dd reads into a file on tmpfs, checked with no second read.
    /// </summary>
    public bool ReadToNull { get; init; }

    public bool Write { get; init; } = true;

    /// <summary>memfs answers READ from Data: views of its file that the reply's writev sends (the zero-copy reply of c818f62), instead of copying into Dst/DstBufs.</summary>
    public bool ReadsFromData { get; init; }

    /// <summary>/proc/sys/fs/fuse/max_pages_limit for the mount (null: as the machine has it).</summary>
    public int? MaxPagesLimit { get; init; }

    /// <summary>PR #198's MaxMessageSize (the vectored and contiguous-large modes).</summary>
    public uint MaxMessageSize { get; init; }

    /// <summary>INIT offers FUSE_WRITEBACK_CACHE (jacobsa's default; DisableWritebackCaching turns it off).</summary>
    public bool WritebackCache { get; init; } = true;

    /// <summary>The watchdog: past this, the connection is aborted and the mount detached.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The daemon's configuration, as a scenario of this mode has it.</summary>
    public FuseMountConfig Config => Scenario().Mount with { DisableWritebackCaching = !WritebackCache };

    /// <summary>A FUSE scenario with this mount's options (a recording adds the kernel's requests as its trace).</summary>
    public FuseScenario Scenario() => new()
    {
        Name = "fuse-mount-recording",
        Title = "Recorded from a real mount",
        Description = Describe(),
        Mode = Mode,
        MaxMessageSize = MaxMessageSize,
        MaxPagesLimit = MaxPagesLimit ?? Systems.Fuse.Mount.MaxPagesLimit.Read(),
        FileBytes = (int)TotalBytes,
        ReadsFromData = ReadsFromData,
    };

    public string Describe() =>
        $"{FuseChoices.Modes.NameOf(Mode)}, {(Direct ? "direct_io + O_DIRECT" : "buffered")}, bs {SizeText.Format(BlockBytes)}, {SizeText.Format(TotalBytes)} "
        + $"{(Write && Read ? "written then read" : Write ? "written" : "read")}{(ReadsFromData ? ", READ answered from Data" : "")}, writeback cache {(WritebackCache ? "on" : "off")}";

    /// <summary>Every problem, by the option's name.</summary>
    public IEnumerable<FieldProblem> Problems()
    {
        if (BlockBytes is < MinBlockBytes or > MaxBlockBytes || BlockBytes % 512 != 0)
        {
            yield return new("--bs", $"must be a multiple of 512 from {SizeText.Format(MinBlockBytes)} to {SizeText.Format(MaxBlockBytes)}, got {BlockBytes}");
        }

        if (TotalBytes < BlockBytes || TotalBytes > MaxTotalBytes || TotalBytes % BlockBytes != 0)
        {
            yield return new("--total", $"must be a whole number of blocks (--bs) up to {SizeText.Format(MaxTotalBytes)}, got {TotalBytes}");
        }

        if (!Read && !Write)
        {
            yield return new("--read/--write", "nothing to do: give --read, --write or neither (both)");
        }

        if (MaxPagesLimit is < 1 or > 65535)
        {
            yield return new("--max-pages-limit", $"must be from 1 to 65535, got {MaxPagesLimit}");
        }

        if (MaxMessageSize > 16 << 20)
        {
            yield return new("--max-message-size", $"must be at most 16MiB, got {MaxMessageSize}");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            yield return new("--timeout", $"must be from 1 second to 1 hour, got {Timeout}");
        }
    }
}
