using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>The filestore's one choice: which block reader serves the reads (<c>reader=std|mmap</c>).</summary>
public sealed record FilestoreChoices(ReaderKind? Reader = null) : ISystemChoices
{
    public static readonly ChoiceTable<ReaderKind> Readers = new("reader", ("std", ReaderKind.Std, "std (pread)"), ("mmap", ReaderKind.Mmap, "mmap (PR #665)"));

    public static FilestoreChoices Parse(IReadOnlyDictionary<string, string?> values) =>
        new(values.GetValueOrDefault(Readers.Key) is { Length: > 0 } reader ? Readers.Parse(reader) : null);

    public IScenario ApplyTo(IScenario scenario) => Reader is { } reader ? ((FilestoreScenario)scenario).WithReader(reader) : scenario;

    public IEnumerable<(string Key, string Value)> ToQuery() => Reader is { } reader ? [(Readers.Key, Readers.NameOf(reader))] : [];

    public IEnumerable<(string Path, string Value)> ToFile() => Reader is { } reader ? [($"options.{Readers.Key}", Readers.NameOf(reader))] : [];
}
