using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>
/// `system: filestore`: options are the reader, the sparse file and its truncation; one phase,
/// `load: closed` (writers place chunksToWrite chunks while readers re-read written ones) or `ops`
/// (the writes and reads in the filestore op grammar), with the writers' and readers' pace.
/// </summary>
internal static class FilestoreScenarioReader
{
    internal static readonly string[] OptionKeys = ["reader", "fileBytes", "chunkBytes", "truncateTo", "truncateAtMs", "readerProcesses"];
    internal static readonly string[] OpsKeys = ["name", "ops", "writers", "readers", "writeMbps", "readIntervalMs", "tailMs"];
    internal static readonly string[] ClosedKeys = ["name", "load", "chunksToWrite", "randomOrder", "writers", "readers", "writeMbps", "readIntervalMs", "tailMs"];

    public static IScenario? Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace)
    {
        YamlMap options = root.Map("options") ?? new YamlMap(root.File, new YamlMappingNode(), "options");
        var defaults = new FilestoreConfig();
        ReaderKind reader = FilestoreChoices.Readers.ValueOf(options.Choice(FilestoreChoices.Readers.Key, FilestoreChoices.Readers.Names));
        var config = new FilestoreConfig
        {
            Reader = reader,
            FileBytes = options.Size("fileBytes") ?? defaults.FileBytes,
            ChunkBytes = options.IntSize("chunkBytes") ?? defaults.ChunkBytes,
            TruncateTo = options.Size("truncateTo"),
            TruncateAtMs = options.Number("truncateAtMs") ?? 0,
            ReaderProcesses = options.Bool("readerProcesses") ?? false,
        };
        options.Finish(OptionKeys);

        List<YamlMap> phases = PhaseReader.Phases(root, required: true);
        if (phases.Count > 1)
        {
            root.File.Add(phases[1].Node, phases[1].Path, "a filestore scenario has one phase: its writers and readers run together", "merge the phases, or write a second file");
        }

        if (phases.Count > 0)
        {
            config = Phase(phases[0], config);
        }

        PhaseReader.CheckTraceOps(root, trace, op => FilestoreOp.TryParse(op, out string? error) is null ? error : null);

        foreach (FieldProblem problem in config.Problems())
        {
            string section = OptionKeys.Contains(problem.Field) ? "options" : "phases[0]";
            root.File.AddAt($"{section}.{problem.Field}", problem.Message, problem.Hint);
        }

        return header is null || phases.Count == 0 ? null : new FilestoreScenario
        {
            Name = header.Name, Title = header.Title, Description = header.Description, Config = config, Replay = trace,
        };
    }

    private static FilestoreConfig Phase(YamlMap phase, FilestoreConfig config)
    {
        string? kind = PhaseReader.Kind(phase, ["closed"], "'- load: closed' with writers: 2, readers: 4, chunksToWrite: 256");
        phase.Text("name", maxLength: 200);
        config = config with
        {
            Writers = phase.Int("writers") ?? config.Writers,
            Readers = phase.Int("readers") ?? config.Readers,
            WriteMbps = phase.Number("writeMbps") ?? config.WriteMbps,
            ReadIntervalMs = phase.Number("readIntervalMs") ?? config.ReadIntervalMs,
            TailMs = phase.Number("tailMs") ?? config.TailMs,
        };
        if (kind == PhaseReader.Ops)
        {
            IReadOnlyList<FilestoreOp> ops = PhaseReader.ParseOps<FilestoreOp>(phase, FilestoreOp.TryParse, FilestoreOp.Grammar) ?? [];
            var reads = Enumerable.Range(0, Math.Clamp(config.Readers, 0, FilestoreConfig.MaxActors)).Select(_ => new List<int>()).ToArray();
            int next = 0;
            foreach (FilestoreOp read in ops.Where(o => !o.Write))
            {
                if (reads.Length > 0)
                {
                    reads[next++ % reads.Length].Add(read.Chunk);
                }
            }

            config = config with { WriteOrder = [.. ops.Where(o => o.Write).Select(o => o.Chunk)], ReaderChunks = reads };
            phase.Finish(OpsKeys, ClosedKeys, "to an ops phase");
        }
        else
        {
            config = config with
            {
                ChunksToWrite = phase.Int("chunksToWrite") ?? config.ChunksToWrite,
                RandomOrder = phase.Bool("randomOrder") ?? config.RandomOrder,
            };
            phase.Finish(ClosedKeys, OpsKeys, "to a closed phase");
        }

        return config;
    }
}
