using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using YamlDotNet.RepresentationModel;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// `system: stratum-v2`: options capacity and variant; phases of `ops` (run one after another as
/// one script, 1 µs per op) or a single `load: open` phase (the seeded producer/consumer workload);
/// `documented` lists what upstream's README shows at given steps.
/// </summary>
internal static class Sv2ScenarioReader
{
    public static readonly string[] ExtraKeys = ["documented"];
    internal static readonly string[] OptionKeys = ["capacity", "variant"];
    internal static readonly string[] OpsKeys = ["name", "ops"];
    internal static readonly string[] OpenKeys = ["name", "load", "messages", "ratePerSecond", "durationMs", "sizes", "maxChunks", "meanHoldMicros"];
    private const string Grammar = "ops: +ID:N (message), wID:N (chunk), wID:N+g, gID, -ID[,ID...] (drop), cID>NEWID (clone)";

    public static IScenario? Read(YamlMap root, ScenarioHeader? header, WorkloadTrace? trace)
    {
        YamlMap? options = root.Map("options", required: true);
        int? capacity = options?.IntSize("capacity", required: true);
        Sv2Variant variant = Sv2Choices.Variants.ValueOf(options?.Choice(Sv2Choices.Variants.Key, Sv2Choices.Variants.Names));
        options?.Finish(OptionKeys);
        if (capacity is < 0 or > Sv2ScriptFile.MaxCapacity)
        {
            options!.Problem(options.Value("capacity")!, "capacity", $"must be from 0 to {Sv2ScriptFile.MaxCapacity} bytes, got {capacity}");
        }

        var ops = new List<Sv2Op>();
        var where = new List<(YamlMap Phase, int Column)>();
        Sv2RandomWorkload? random = null;
        List<YamlMap> phases = PhaseReader.Phases(root, required: true);
        foreach (YamlMap phase in phases)
        {
            string? kind = PhaseReader.Kind(phase, ["open"], "'- ops: +1:5 +2:5 -1' or '- load: open'");
            phase.Text("name", maxLength: 200);
            if (kind == PhaseReader.Ops)
            {
                ops.AddRange(PhaseReader.ParseOps<Sv2Op>(phase, Sv2OpParser.ParseToken, Grammar, out IReadOnlyList<int> columns) ?? []);
                where.AddRange(columns.Select(c => (phase, c)));
                phase.Finish(OpsKeys, OpenKeys, "to an ops phase");
            }
            else if (kind == "open")
            {
                random = Open(phase);
            }
        }

        if (random is not null && phases.Count > 1)
        {
            root.Problem(root.Value("phases")!, "phases", "a stratum-v2 scenario has either ops phases or one open phase", "split the open phase into a file of its own");
        }

        if (random is null && ops.Count == where.Count && Sv2OpValidator.FindError(ops) is var (position, message))
        {
            PhaseReader.OpProblem(where[position].Phase, where[position].Column, message);
        }

        IReadOnlyList<DocumentedStep> documented = Documented(root);
        CheckTrace(root, trace);
        if (header is null || capacity is null || root.File.Problems.Count > 0 || (random is null && ops.Count == 0))
        {
            return null;
        }

        Sv2Scenario scenario = random is null
            ? Sv2Scenario.Scripted(header.Name, header.Title, header.Description, capacity.Value, ops, variant)
            : Sv2Scenario.Randomised(header.Name, header.Title, header.Description, capacity.Value, random, variant);
        return scenario with { Documented = documented, Replay = trace };
    }

    private static Sv2RandomWorkload? Open(YamlMap phase)
    {
        var defaults = new Sv2RandomWorkload();
        (Distribution sizes, int? min, int? max) = PhaseReader.Distribution(phase, "sizes", range: true);
        double rate = phase.Number("ratePerSecond") ?? 1e6 / defaults.MeanIntervalMicros;
        var workload = new Sv2RandomWorkload(
            Messages: phase.Int("messages") ?? defaults.Messages,
            MinBytes: min ?? defaults.MinBytes,
            MaxBytes: max ?? defaults.MaxBytes,
            MaxChunks: phase.Int("maxChunks") ?? defaults.MaxChunks,
            MeanIntervalMicros: rate > 0 ? 1e6 / rate : 0,
            MeanHoldMicros: phase.Number("meanHoldMicros") ?? defaults.MeanHoldMicros)
        {
            Sizes = sizes,
            DurationMicros = (phase.Number("durationMs") ?? 0) * 1000,
        };
        phase.Finish(OpenKeys, ["ops"], "to an open phase");
        foreach (FieldProblem problem in workload.Problems())
        {
            phase.File.AddAt($"{phase.Path}.{problem.Field}", problem.Message, problem.Hint);
        }

        return workload;
    }

    private static List<DocumentedStep> Documented(YamlMap root)
    {
        var steps = new List<DocumentedStep>();
        foreach ((YamlNode node, string path) in root.Sequence("documented", maxItems: 1000) ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                root.File.Add(node, path, "each documented step is a mapping: step, map, note");
                continue;
            }

            var step = new YamlMap(root.File, mapping, path);
            int? number = step.Int("step", required: true);
            string? map = step.Text("map", required: true, maxLength: 200);
            string? note = step.Text("note", maxLength: 500);
            step.Finish(["step", "map", "note"]);
            if (number is { } n && map is not null)
            {
                steps.Add(new DocumentedStep(n, map, note));
            }
        }

        return steps;
    }

    private static void CheckTrace(YamlMap root, WorkloadTrace? trace) =>
        PhaseReader.CheckTraceOps(root, trace, op => op == Sv2TracePlayer.End || Sv2OpParser.TryParse(op, out _, out string? error) ? null : error);
}
