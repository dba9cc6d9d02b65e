using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>One fetch of a block from the volumes and the requests it served.</summary>
public sealed class Flight(int id, string hash, int? buffer)
{
    public int Id { get; } = id;

    public string Hash { get; } = hash;

    public int? Buffer { get; } = buffer;

    public List<int> Requests { get; } = [];

    /// <summary>"reading" while it runs, then "ok" or the error.</summary>
    public string Outcome { get; set; } = "reading";

    /// <summary>The volume read behind this fetch, as it goes (none for a block written by a PUT).</summary>
    public VolumeReadResult Read { get; } = new();

    public FlightView View() => new(Id, Hash, Buffer, [.. Requests], Outcome, Read.Volume, Read.Attempts, Read.BytesRead);
}
