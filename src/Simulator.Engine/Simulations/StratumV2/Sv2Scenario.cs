using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// A BufferPool workload: a fixed op script (one op per step, 1 µs apart) or a seeded random
/// producer/consumer workload, on a pool of <see cref="Capacity"/> bytes.
/// </summary>
public sealed record Sv2Scenario : IScenario
{
    /// <summary>Virtual time between two scripted ops.</summary>
    public static readonly TimeSpan ScriptInterval = TimeSpan.FromMicroseconds(1);

    private Sv2Scenario(string name, string title, string description, int capacity, Sv2Variant variant)
    {
        if (capacity is < 0 or > Sv2ScriptFile.MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be from 0 to {Sv2ScriptFile.MaxCapacity} bytes");
        }

        Name = name;
        Title = title;
        Description = description;
        Capacity = capacity;
        Variant = variant;
    }

    public string Name { get; }

    public string Title { get; init; }

    public string Description { get; }

    public string System => Sv2Model.SystemId;

    public int Capacity { get; }

    public Sv2Variant Variant { get; init; }

    /// <summary>The script, when the scenario is scripted.</summary>
    public IReadOnlyList<Sv2Op>? Ops { get; private init; }

    /// <summary>The random workload, when the scenario is not scripted.</summary>
    public Sv2RandomWorkload? Random { get; private init; }

    /// <summary>A recorded trace to replay instead of the script or the random workload.</summary>
    public WorkloadTrace? Replay { get; init; }

    /// <summary>What upstream's README documents for this script, step by step (README Cases 1-3).</summary>
    public IReadOnlyList<DocumentedStep> Documented { get; init; } = [];

    /// <summary>The script as an op string (empty for a random workload).</summary>
    public string OpString => Ops is null ? "" : string.Join(' ', Ops);

    /// <summary>A scripted scenario; throws <see cref="Sv2ParseException"/> naming the bad token.</summary>
    public static Sv2Scenario Scripted(string name, string title, string description, int capacity, string opString, Sv2Variant variant = Sv2Variant.Faithful) =>
        Scripted(name, title, description, capacity, Sv2OpParser.ParseOps(opString), variant);

    public static Sv2Scenario Scripted(string name, string title, string description, int capacity, IReadOnlyList<Sv2Op> ops, Sv2Variant variant = Sv2Variant.Faithful)
    {
        if (ops.Count == 0)
        {
            throw new Sv2ParseException("the script has no ops");
        }

        if (Sv2OpValidator.FindError(ops) is var (position, message))
        {
            throw new Sv2ParseException($"op {position + 1}: {message}");
        }

        return new Sv2Scenario(name, title, description, capacity, variant) { Ops = ops };
    }

    public static Sv2Scenario Randomised(string name, string title, string description, int capacity, Sv2RandomWorkload workload, Sv2Variant variant = Sv2Variant.Faithful)
    {
        workload.Validate();
        return new Sv2Scenario(name, title, description, capacity, variant) { Random = workload };
    }

    public ISimulationModel Build(RunContext context)
    {
        var model = new Sv2Model(Capacity, Variant, context.Emit);
        if (Replay is not null)
        {
            Sv2TracePlayer.Spawn(context, model, Replay);
        }
        else if (Ops is not null)
        {
            context.Scheduler.Spawn(Sv2TracePlayer.Script, RunScript(context, model, Ops));
        }
        else
        {
            Random!.Spawn(context, model);
        }

        return model;
    }

    private static IEnumerable<TimeSpan> RunScript(RunContext context, Sv2Model model, IReadOnlyList<Sv2Op> ops)
    {
        foreach (Sv2Op op in ops)
        {
            context.Record(Sv2TracePlayer.Script, op.Text);
            model.Apply(op);
            yield return ScriptInterval;
        }

        context.Record(Sv2TracePlayer.Script, Sv2TracePlayer.End);
    }
}
