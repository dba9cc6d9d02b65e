using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>A FUSE workload on a mount; the same workload runs against any <see cref="FuseMode"/>.</summary>
public sealed record FuseScenario : IScenario
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public string System => FuseModel.SystemId;

    public FuseMode Mode { get; init; } = FuseMode.Master;

    public int PageSize { get; init; } = 4096;

    /// <summary>PR #198's MaxMessageSize (the vectored and contiguous-large modes).</summary>
    public uint MaxMessageSize { get; init; }

    /// <summary>The kernel's max_pages_limit (256 before Linux 6.13; a sysctl since).</summary>
    public int MaxPagesLimit { get; init; } = 256;

    /// <summary>In master mode, run master as it was before #189 (MaxPages hard-coded to 256).</summary>
    public bool Pre189 { get; init; }

    /// <summary>PR #198 modes: EnableVectoredReads, when set apart from the mode (vectored: on, contiguous-large: off).</summary>
    public bool? VectoredReads { get; init; }

    /// <summary>PR #198 modes: EnableVectoredWrites, when set apart from the mode.</summary>
    public bool? VectoredWrites { get; init; }

    /// <summary>
    /// The file is opened for direct I/O (FOPEN_DIRECT_IO from OPEN, or O_DIRECT): READs go to the
    /// daemon at the phase's size up to max_pages. Off (buffered), the page cache reads ahead and a
    /// READ asks for at most the readahead window. WRITEs are the same either way (up to max_write and max_pages).
    /// </summary>
    public bool DirectIo { get; init; }

    /// <summary>The kernel's readahead window in bytes, offered in INIT's max_readahead (Linux: 128 KiB, the bdi's read_ahead_kb).</summary>
    public int MaxReadahead { get; init; } = LinuxInit.DefaultMaxReadahead;

    /// <summary>memfs answers READs with Data (slices of the file) rather than filling Dst or DstBufs.</summary>
    public bool ReadsFromData { get; init; }

    public const int MaxFileBytes = 256 << 20;

    /// <summary>The size of the one file the kernel reads and writes.</summary>
    public int FileBytes { get; init; } = 32 << 20;

    /// <summary>What the kernel asks, phase after phase.</summary>
    public IReadOnlyList<FusePhase> Phases { get; init; } = [];

    /// <summary>A recorded trace to send instead of the phases' requests.</summary>
    public WorkloadTrace? Replay { get; init; }

    public FuseScenario WithMode(FuseMode mode) => this with { Mode = mode };

    /// <summary>The mount configuration this mode runs with.</summary>
    public FuseMountConfig Mount => Mode switch
    {
        FuseMode.Master => new FuseMountConfig { Variant = Pre189 ? FuseVariant.MasterPre189 : FuseVariant.Master, PageSize = PageSize },
        _ => new FuseMountConfig
        {
            Variant = FuseVariant.Pr198, PageSize = PageSize, MaxMessageSize = MaxMessageSize,
            EnableVectoredReads = VectoredReads ?? Mode == FuseMode.Vectored, EnableVectoredWrites = VectoredWrites ?? Mode == FuseMode.Vectored,
        },
    };

    /// <summary>Every problem, by its path in a scenario file.</summary>
    public IEnumerable<FieldProblem> Problems()
    {
        if (PageSize is not (4096 or 16384 or 65536))
        {
            yield return new("options.pageSize", $"must be 4096, 16384 or 65536, got {PageSize}");
        }

        if (MaxMessageSize > 16 << 20)
        {
            yield return new("options.maxMessageSize", $"must be at most {16 << 20}, got {MaxMessageSize}");
        }

        if (MaxPagesLimit is < 1 or > 65535)
        {
            yield return new("options.maxPagesLimit", $"must be from 1 to 65535, got {MaxPagesLimit}");
        }
        else if ((long)MaxPagesLimit * PageSize > 64 << 20)
        {
            yield return new("options.maxPagesLimit", $"maxPagesLimit × pageSize is {(long)MaxPagesLimit * PageSize} bytes; at most {64 << 20} per request");
        }

        if (MaxReadahead is < LinuxInit.MinMaxReadahead or > LinuxInit.MaxMaxReadahead)
        {
            yield return new("options.maxReadahead", $"must be from {LinuxInit.MinMaxReadahead} to {LinuxInit.MaxMaxReadahead} bytes, got {MaxReadahead}");
        }

        if (FileBytes < 4096 || FileBytes > MaxFileBytes)
        {
            yield return new("options.fileBytes", $"must be from 4096 to {MaxFileBytes}, got {FileBytes}");
            yield break;
        }

        if (Phases.Count == 0)
        {
            yield return new("phases", "a fuse scenario needs at least one phase");
        }

        for (int i = 0; i < Phases.Count; i++)
        {
            foreach (FieldProblem problem in Phases[i].Problems(FileBytes))
            {
                yield return problem with { Field = $"phases[{i}].{problem.Field}" };
            }
        }
    }

    /// <summary>The first problem as one line, or null when it can run.</summary>
    public string? Problem() => FieldProblem.FirstOf(Problems());

    public ISimulationModel Build(RunContext context) =>
        Problem() is { } problem ? throw new ArgumentException(problem) : new FuseModel(this, context);
}
