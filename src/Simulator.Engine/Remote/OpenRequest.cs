namespace BufferLab.Simulator.Engine.Remote;

/// <summary>
/// The hub's Open argument: a preset name or library id, an op string (with capacity), or a
/// scenario file's text (<paramref name="Yaml"/>); a seed (the file's, else random, when absent);
/// a Stratum variant, a keepstore or FUSE mode, a filestore reader, FUSE mount sizes.
/// </summary>
public sealed record OpenRequest(string? Scenario, string? Ops = null, int? Capacity = null, ulong? Seed = null, string? Variant = null, string? Mode = null, string? Reader = null,
    int? PageSize = null, uint? MaxMessageSize = null, int? MaxPagesLimit = null, bool? VectoredReads = null, bool? VectoredWrites = null, string? Yaml = null);
