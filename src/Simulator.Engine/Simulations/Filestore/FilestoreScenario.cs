using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>A filestore workload (<see cref="FilestoreConfig"/>) by name; the same workload runs with either reader.</summary>
public sealed record FilestoreScenario : IScenario
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public string System => FilestoreModel.SystemId;

    public FilestoreConfig Config { get; init; } = new();

    /// <summary>A recorded trace: its writes and each reader's reads replace the drawn ones, and every time is scaled.</summary>
    public WorkloadTrace? Replay { get; init; }

    public FilestoreScenario WithReader(ReaderKind reader) => this with { Config = Config with { Reader = reader } };

    public ISimulationModel Build(RunContext context) => new FilestoreModel(Replay is null ? Config : Replayed(Config, Replay), context);

    /// <summary>Readers in this process: reader processes only measure; what is read, and every status, is the same.</summary>
    public IScenario ForEventLog() => Config.ReaderProcesses ? this with { Config = Config with { ReaderProcesses = false } } : this;

    private static FilestoreConfig Replayed(FilestoreConfig config, WorkloadTrace trace)
    {
        var writes = new List<int>();
        var reads = new List<int>[config.Readers];
        for (int r = 0; r < reads.Length; r++)
        {
            reads[r] = [];
        }

        foreach (TraceEntry entry in trace.Entries)
        {
            FilestoreOp op = FilestoreOp.TryParse(entry.Op, out string? error) ?? throw new FormatException($"trace entry '{entry}': {error}");
            if (op.Write)
            {
                writes.Add(op.Chunk);
            }
            else if (entry.Actor.StartsWith("reader-", StringComparison.Ordinal) && int.TryParse(entry.Actor.AsSpan(7), out int reader) && reader >= 1 && reader <= reads.Length)
            {
                reads[reader - 1].Add(op.Chunk);
            }
            else
            {
                throw new FormatException($"trace entry '{entry}': reads come from reader-1 to reader-{reads.Length}");
            }
        }

        double k = trace.TimeScale;
        return config with
        {
            WriteOrder = writes, ReaderChunks = reads, WriteMbps = config.WriteMbps / k, ReadIntervalMs = config.ReadIntervalMs * k,
            TailMs = config.TailMs * k, TruncateAtMs = config.TruncateAtMs * k,
        };
    }
}
