using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>How a multi-step BlockWrite ended.</summary>
public sealed class PutResult
{
    public KeepError? Error { get; set; } = new(500, "write did not finish");

    public string? Hash { get; set; }

    public int Size { get; set; }

    /// <summary>The replication stored (the 2017 PUT's X-Keep-Replicas-Stored: one volume's Replication).</summary>
    public int Replicas { get; set; }
}
