using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// `system: keep`: options are keepstore's configuration (KeepConfig's fields), the stored blocks
/// and their faults; phases are `load: closed` (clients × requestsPerClient, optionally within
/// durationMs), `load: open` (ratePerSecond for durationMs) or `ops` (the keep op grammar), run in order.
/// </summary>
internal static class KeepScenarioReader
{
    internal static readonly string[] OptionKeys =
    [
        "mode", "scale", "maxBuffers", "maxConcurrentRequests", "maxQueuedRequests", "legacyMaxRequests", "streamWhileFilling", "volumes",
        "volumeKind", "volumeSettings", "volumeLatencyMs", "volumeMiBps", "volumeParallelParts", "volumeChunkBytes", "clientMiBps", "gcIntervalMs", "blocks", "blockBytes", "faults",
    ];

    private static readonly string[] WriteFaults = ["none", "full", "error"];

    /// <summary>The volume kinds a file may name, as upstream's drivers are named.</summary>
    private static readonly string[] VolumeKinds = ["s3", "unix"];

    /// <summary>Files default to the teaching scale: keepstore's own sizes (128 × 64 MiB buffers) would take 8 GiB of real memory.</summary>
    public const int DefaultScale = 64;

    private static readonly string[] DrawnKeys = ["keys", "putFraction", "storageClasses", "originFraction", "disconnectFraction", "disconnectAfterMs"];
    internal static readonly string[] OpsKeys = ["name", "ops", "startMs", "intervalMs"];
    internal static readonly string[] OpenKeys = ["name", "load", "startMs", "ratePerSecond", "durationMs", .. DrawnKeys];
    internal static readonly string[] ClosedKeys = ["name", "load", "startMs", "clients", "requestsPerClient", "durationMs", "spreadMs", "thinkMs", .. DrawnKeys];

    public static IScenario? Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace)
    {
        YamlMap options = root.Map("options") ?? new YamlMap(root.File, new YamlMappingNode(), "options");
        var defaults = new KeepConfig();
        KeepServerMode mode = KeepChoices.Modes.ValueOf(options.Choice(KeepChoices.Modes.Key, KeepChoices.Modes.Names));
        var config = new KeepConfig
        {
            Mode = mode,
            Scale = options.Int("scale") ?? DefaultScale,
            MaxBuffers = options.Int("maxBuffers") ?? defaults.MaxBuffers,
            MaxConcurrentRequests = options.Int("maxConcurrentRequests") ?? defaults.MaxConcurrentRequests,
            MaxQueuedRequests = options.Int("maxQueuedRequests") ?? defaults.MaxQueuedRequests,
            LegacyMaxRequests = options.Int("legacyMaxRequests") ?? defaults.LegacyMaxRequests,
            StreamWhileFilling = options.Bool("streamWhileFilling") ?? defaults.StreamWhileFilling,
            Volumes = options.Int("volumes") ?? defaults.Volumes,
            VolumeLatencyMs = options.Number("volumeLatencyMs") ?? defaults.VolumeLatencyMs,
            VolumeMiBps = options.Number("volumeMiBps") ?? defaults.VolumeMiBps,
            VolumeParallelParts = options.Int("volumeParallelParts") ?? defaults.VolumeParallelParts,
            VolumeKind = options.Choice("volumeKind", VolumeKinds) is { } kind ? Enum.Parse<VolumeKind>(kind, ignoreCase: true) : defaults.VolumeKind,
            VolumeSettings = VolumeSettings(options),
            VolumeChunkBytes = options.IntSize("volumeChunkBytes") ?? defaults.VolumeChunkBytes,
            ClientMiBps = options.Number("clientMiBps") ?? defaults.ClientMiBps,
            GcIntervalMs = options.Number("gcIntervalMs") ?? defaults.GcIntervalMs,
        };
        int blocks = options.Int("blocks") ?? 4;
        int blockBytes = options.IntSize("blockBytes") ?? KeepConfig.FullBlockSize;
        List<KeepBlockFault> faults = Faults(options);
        options.Finish(OptionKeys);

        List<KeepLoad> phases = [.. PhaseReader.Phases(root, required: true).Select(Phase).OfType<KeepLoad>()];
        CheckTrace(root, trace, phases.Count);
        if (header is null)
        {
            return null;
        }

        var scenario = new KeepScenario
        {
            Name = header.Name, Title = header.Title, Description = header.Description, Config = config,
            Blocks = blocks, BlockBytes = blockBytes, Faults = faults, Phases = phases, Replay = trace,
        };
        foreach (FieldProblem problem in scenario.Problems())
        {
            root.File.AddAt(problem.Field, problem.Message, problem.Hint);
        }

        return scenario;
    }

    private static KeepLoad? Phase(YamlMap phase)
    {
        string? kind = PhaseReader.Kind(phase, ["closed", "open"], "'- load: closed' with clients: 10");
        phase.Text("name", maxLength: 200);
        var load = new KeepLoad(kind switch { "open" => KeepLoadKind.Open, PhaseReader.Ops => KeepLoadKind.Ops, _ => KeepLoadKind.Closed })
        {
            StartMs = phase.Number("startMs") ?? 0,
        };
        switch (kind)
        {
            case PhaseReader.Ops:
                load = load with { Ops = PhaseReader.ParseOps<KeepOp>(phase, KeepOp.TryParse, KeepOp.Grammar) ?? [], IntervalMs = phase.Number("intervalMs") ?? 0 };
                phase.Finish(OpsKeys, [.. OpenKeys, .. ClosedKeys], "to an ops phase");
                break;
            case "open":
                load = Drawn(phase, load) with { RatePerSecond = phase.Number("ratePerSecond", required: true) ?? 0, DurationMs = phase.Number("durationMs", required: true) ?? 0 };
                phase.Finish(OpenKeys, [.. OpsKeys, .. ClosedKeys], "to an open phase");
                break;
            default:
                load = Drawn(phase, load) with
                {
                    Clients = phase.Int("clients", required: true) ?? 1,
                    RequestsPerClient = phase.Int("requestsPerClient") ?? 1,
                    DurationMs = phase.Number("durationMs") ?? 0,
                    SpreadMs = phase.Number("spreadMs") ?? 0,
                    ThinkMs = phase.Number("thinkMs") ?? 0,
                };
                phase.Finish(ClosedKeys, [.. OpsKeys, .. OpenKeys], "to a closed phase");
                break;
        }

        return kind is null ? null : load;
    }

    private static KeepLoad Drawn(YamlMap phase, KeepLoad load) => load with
    {
        Keys = PhaseReader.Distribution(phase, "keys", range: false).Distribution,
        PutFraction = phase.Number("putFraction") ?? 0,
        StorageClasses = StorageClasses(phase, askedByPut: true),
        OriginFraction = phase.Number("originFraction") ?? 0,
        DisconnectFraction = phase.Number("disconnectFraction") ?? 0,
        DisconnectAfterMs = phase.Number("disconnectAfterMs") ?? 1000,
    };

    private static List<KeepBlockFault> Faults(YamlMap options)
    {
        var faults = new List<KeepBlockFault>();
        foreach ((YamlNode node, string path) in options.Sequence("faults", maxItems: KeepScenario.MaxBlocks) ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                options.File.Add(node, path, "each fault is a mapping: block, and failAfterFraction, corrupt or missing");
                continue;
            }

            var fault = new YamlMap(options.File, mapping, path);
            faults.Add(new KeepBlockFault(fault.Int("block", required: true) ?? 0, fault.Number("failAfterFraction"), fault.Bool("corrupt") ?? false, fault.Bool("missing") ?? false));
            fault.Finish(["block", "failAfterFraction", "corrupt", "missing"]);
        }

        return faults;
    }

    private static List<KeepVolumeSettings> VolumeSettings(YamlMap options)
    {
        var volumes = new List<KeepVolumeSettings>();
        foreach ((YamlNode node, string path) in options.Sequence("volumeSettings", maxItems: KeepConfig.MaxVolumes) ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                options.File.Add(node, path, "each volume's settings are a mapping: replication, storageClasses, readOnly, writeFault, serialize");
                continue;
            }

            var volume = new YamlMap(options.File, mapping, path);
            string? fault = volume.Choice("writeFault", WriteFaults);
            volumes.Add(new KeepVolumeSettings(
                volume.Int("replication") ?? 1,
                StorageClasses(volume) is { Count: > 0 } classes ? classes : ["default"],
                volume.Bool("readOnly") ?? false,
                fault is null ? VolumeWriteFault.None : Enum.Parse<VolumeWriteFault>(fault, ignoreCase: true))
            {
                Serialize = volume.Bool("serialize") ?? false,
            });
            volume.Finish(["replication", "storageClasses", "readOnly", "writeFault", "serialize"]);
        }

        return volumes;
    }

    /// <summary>
    /// A list of storage class names: a volume's, or a phase's PUTs' (X-Keep-Storage-Classes, a
    /// comma-separated header, and written into recorded ops, so no spaces, commas or brackets).
    /// </summary>
    private static List<string> StorageClasses(YamlMap volume, bool askedByPut = false)
    {
        var classes = new List<string>();
        foreach ((YamlNode node, string path) in volume.Sequence("storageClasses", maxItems: KeepOp.MaxStorageClasses) ?? [])
        {
            if (node is YamlScalarNode { Value: { Length: > 0 and <= KeepOp.MaxClassLength } name } && (!askedByPut || KeepOp.IsClassName(name)))
            {
                classes.Add(name);
            }
            else
            {
                volume.File.Add(node, path, askedByPut ? $"{KeepOp.ClassNameRule}, e.g. default or archive" : "a storage class is a name of 1 to 64 characters, e.g. default or archive");
            }
        }

        return classes;
    }

    /// <summary>A keep trace: `phases phaseN` opens each phase, and a client's `start` comes before its requests.</summary>
    private static void CheckTrace(YamlMap root, WorkloadTrace? trace, int phaseCount)
    {
        if (trace is null)
        {
            return;
        }

        var started = new HashSet<string>(StringComparer.Ordinal);
        int phases = 0;
        for (int i = 0; i < trace.Entries.Count; i++)
        {
            TraceEntry entry = trace.Entries[i];
            string? problem = null;
            if (entry.Actor == "phases")
            {
                problem = entry.Op == $"phase{phases}" ? null : $"expected 'phase{phases}', got '{entry.Op}'";
                phases++;
            }
            else if (phases == 0)
            {
                problem = "the trace must start with '0 phases phase0'";
            }
            else if (entry.Op == "start")
            {
                problem = started.Add(entry.Actor) ? null : $"{entry.Actor} starts twice";
            }
            else if (!started.Contains(entry.Actor))
            {
                problem = $"{entry.Actor} sends before its 'start' entry";
            }
            else if (KeepOp.TryParse(entry.Op, out string? error) is null)
            {
                problem = $"'{entry.Op}': {error}";
            }

            if (problem is not null)
            {
                root.File.AddAt($"trace.entries[{i}]", problem);
            }
        }

        if (phases != phaseCount && phaseCount > 0)
        {
            root.File.AddAt("trace.entries", $"the trace holds {phases} phases; the scenario has {phaseCount}", "record the trace again from this file");
        }
    }
}
