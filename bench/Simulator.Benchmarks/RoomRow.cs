namespace BufferLab.Simulator.Benchmarks;

/// <summary>One configuration of the room harness: <see cref="Asked"/> followers on <see cref="Instances"/> instances, what connected, the follow latency, memory and CPU.</summary>
internal sealed record RoomRow(
    int Instances,
    int Asked,
    int Refused,
    string? FirstRefusal,
    TimeSpan ConnectTook,
    string PresenterInstance,
    FollowStats Stats,
    IReadOnlyList<InstanceMemory> Memory,
    string Cpu,
    string Load)
{
    /// <summary>Every follower in, every step reached by every follower, and p99 within <paramref name="targetMs"/>.</summary>
    public bool Passes(double targetMs) => Refused == 0 && Stats.Unreached == 0 && Stats.P99 <= targetMs;

    /// <summary>RSS growth over all instances per follower counted on them (NaN with none).</summary>
    public double PerFollower => Memory.Sum(m => m.Followers) is int followers and > 0 ? Memory.Sum(m => m.After - m.Before) / (double)followers : double.NaN;
}
