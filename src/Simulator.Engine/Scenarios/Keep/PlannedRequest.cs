namespace BufferLab.Simulator.Engine.Scenarios.Keep;

/// <summary>A request drawn when the workload is built: which block (or a new block to PUT), its priority, when its client gives up, and the think time before it.</summary>
internal sealed record PlannedRequest(int Block, bool Put, long Priority, TimeSpan? DisconnectAfter, TimeSpan ThinkBefore);
