using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// `system: fuse`: options are the daemon (mode, PR #198's switches), the kernel (page size,
/// max_pages_limit, readahead, direct I/O) and the file; phases are `load: closed` (clients requests in flight, sequential
/// writes and reads, random ops) or `ops` (the FUSE op grammar), run in order.
/// </summary>
internal static class FuseScenarioReader
{
    internal static readonly string[] OptionKeys = ["mode", "pageSize", "maxMessageSize", "maxPagesLimit", "pre189", "vectoredReads", "vectoredWrites", "readsFromData", "fileBytes", "directIo", "maxReadahead"];
    internal static readonly string[] OpsKeys = ["name", "ops", "clients"];
    internal static readonly string[] ClosedKeys =
        ["name", "load", "clients", "sequentialWriteBytes", "sequentialReadBytes", "ioBytes", "randomOps", "sizes", "writeFraction", "forgetEvery", "interruptEvery"];

    public static IScenario? Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace)
    {
        YamlMap options = root.Map("options") ?? new YamlMap(root.File, new YamlMappingNode(), "options");
        var defaults = new FuseScenario { Name = "", Title = "", Description = "" };
        FuseMode mode = FuseChoices.Modes.ValueOf(options.Choice(FuseChoices.Modes.Key, FuseChoices.Modes.Names));
        int pageSize = options.IntSize("pageSize") ?? defaults.PageSize;
        long maxMessageSize = options.Size("maxMessageSize") ?? 0;
        int maxPagesLimit = options.Int("maxPagesLimit") ?? defaults.MaxPagesLimit;
        bool pre189 = options.Bool("pre189") ?? false;
        bool? vectoredReads = options.Bool("vectoredReads");
        bool? vectoredWrites = options.Bool("vectoredWrites");
        bool readsFromData = options.Bool("readsFromData") ?? false;
        int fileBytes = options.IntSize("fileBytes") ?? defaults.FileBytes;
        bool directIo = options.Bool("directIo") ?? false;
        int maxReadahead = options.IntSize("maxReadahead") ?? defaults.MaxReadahead;
        options.Finish(OptionKeys);
        if (maxMessageSize is < 0 or > uint.MaxValue)
        {
            options.Problem(options.Value("maxMessageSize")!, "maxMessageSize", $"must be from 0 to {16 << 20}, got {maxMessageSize}");
            maxMessageSize = 0;
        }

        List<FusePhase> phases = [.. PhaseReader.Phases(root, required: true).Select(Phase).OfType<FusePhase>()];
        PhaseReader.CheckTraceOps(root, trace, op => op.StartsWith(FusePlan.Depth, StringComparison.Ordinal) || FuseIoOp.TryParse(op, out string? error) is not null ? null : error);

        if (header is null)
        {
            return null;
        }

        var scenario = new FuseScenario
        {
            Name = header.Name, Title = header.Title, Description = header.Description, Mode = mode, PageSize = pageSize,
            MaxMessageSize = (uint)maxMessageSize, MaxPagesLimit = maxPagesLimit, Pre189 = pre189, VectoredReads = vectoredReads,
            VectoredWrites = vectoredWrites, ReadsFromData = readsFromData, FileBytes = fileBytes,
            DirectIo = directIo, MaxReadahead = maxReadahead, Phases = phases, Replay = trace,
        };
        foreach (FieldProblem problem in scenario.Problems())
        {
            root.File.AddAt(problem.Field, problem.Message, problem.Hint);
        }

        return scenario;
    }

    private static FusePhase? Phase(YamlMap phase)
    {
        string? kind = PhaseReader.Kind(phase, ["closed"], "'- load: closed' with clients: 4 and sequentialReadBytes: 32MiB");
        phase.Text("name", maxLength: 200);
        var defaults = new FusePhase();
        var result = new FusePhase { QueueDepth = phase.Int("clients") ?? defaults.QueueDepth };
        if (kind == PhaseReader.Ops)
        {
            result = result with { Ops = PhaseReader.ParseOps<FuseIoOp>(phase, FuseIoOp.TryParse, FuseIoOp.Grammar) ?? [] };
            phase.Finish(OpsKeys, ClosedKeys, "to an ops phase");
            return result;
        }

        (Distribution sizes, int? min, int? max) = PhaseReader.Distribution(phase, "sizes", range: true);
        result = result with
        {
            SequentialWriteBytes = phase.IntSize("sequentialWriteBytes") ?? 0,
            SequentialReadBytes = phase.IntSize("sequentialReadBytes") ?? 0,
            IoBytes = phase.IntSize("ioBytes") ?? defaults.IoBytes,
            RandomOps = phase.Int("randomOps") ?? 0,
            Sizes = sizes,
            MinRandomBytes = min ?? defaults.MinRandomBytes,
            MaxRandomBytes = max ?? defaults.MaxRandomBytes,
            WriteFraction = phase.Number("writeFraction") ?? defaults.WriteFraction,
            ForgetEvery = phase.Int("forgetEvery") ?? 0,
            InterruptEvery = phase.Int("interruptEvery") ?? 0,
        };
        phase.Finish(ClosedKeys, OpsKeys, "to a closed phase");
        return kind is null ? null : result;
    }
}
