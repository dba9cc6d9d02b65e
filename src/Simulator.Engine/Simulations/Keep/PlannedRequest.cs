using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// A request drawn when its phase starts: which block (or a new block to PUT), its priority, when
/// its client gives up, and the think time before it; or, replayed, the time it was sent (<see cref="At"/>).
/// </summary>
internal sealed record PlannedRequest(int Block, bool Put, long Priority, TimeSpan? DisconnectAfter, TimeSpan ThinkBefore, TimeSpan? At = null)
{
    /// <summary>A PUT's X-Keep-Storage-Classes (its phase's storageClasses); none means any.</summary>
    public IReadOnlyList<string> StorageClasses { get; init; } = [];

    /// <summary>The op a trace records: with the PUT's storage classes, so a replay asks for them too.</summary>
    public KeepOp ToOp() => new(Block, Put, Priority, DisconnectAfter?.TotalMilliseconds) { StorageClasses = StorageClasses };

    public static PlannedRequest From(KeepOp op, TimeSpan? at = null) =>
        new(op.Block, op.Put, op.Priority, op.DisconnectAfterMs is { } ms ? KeepWorkloadBuilder.Ms(ms) : null, TimeSpan.Zero, at) { StorageClasses = op.StorageClasses };
}
