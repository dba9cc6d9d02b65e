using BufferLab.Simulator.Engine.Models.Filestore;

namespace BufferLab.Simulator.Engine.Scenarios.Filestore;

/// <summary>Built-in filestore workloads: the PR #665 repro scaled down, a sequential fill, and a file cut short under its readers.</summary>
public static class FilestorePresets
{
    public static FilestoreScenario SeedRepro { get; } = new()
    {
        Name = "filestore-seed-repro",
        Title = "Seed repro (PR #665)",
        Description = "A 4 GiB sparse file; 2 writers place 256 random 256 KiB chunks at 200 Mbps while 4 readers re-read written chunks every 5 ms, each read opening, reading and closing the file.",
        Config = new FilestoreConfig(),
    };

    public static FilestoreScenario Sequential { get; } = new()
    {
        Name = "filestore-sequential",
        Title = "Sequential fill",
        Description = "One writer fills the first 128 chunks of a 1 GiB sparse file in order at 200 Mbps; 2 readers re-read written chunks every 5 ms.",
        Config = new FilestoreConfig { FileBytes = 1L << 30, ChunksToWrite = 128, Writers = 1, RandomOrder = false, Readers = 2 },
    };

    public static FilestoreScenario TruncatedFile { get; } = new()
    {
        Name = "filestore-truncated-file",
        Title = "File truncated under its readers",
        Description = "64 chunks fill a 16 MiB file; at 250 ms, right after a read has opened it, the file is cut to 6 MiB + 100 KiB. Readers go on: short reads, offsets past the end, and a mapping that lost its pages.",
        Config = new FilestoreConfig
        {
            FileBytes = 16L << 20, ChunksToWrite = 64, Writers = 1, RandomOrder = false, WriteMbps = 800, Readers = 4,
            ReadIntervalMs = 5, TailMs = 600, TruncateAtMs = 250, TruncateTo = (6L << 20) + (100 << 10),
        },
    };

    public static IReadOnlyList<FilestoreScenario> All { get; } = [SeedRepro, Sequential, TruncatedFile];
}
