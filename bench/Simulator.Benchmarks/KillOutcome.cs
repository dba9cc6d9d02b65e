namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The kill test: <see cref="Victim"/> (not the presenter's instance) killed with SIGKILL while
/// <see cref="Connected"/> followed; <see cref="Dropped"/> of them lost their connection and
/// reconnected through the balancer; <see cref="Lost"/> saw no frame within 30 s of the kill;
/// recovery is kill → first frame after reconnecting (ms). Latency before the kill, while the dropped
/// followers came back (<see cref="During"/>: what they missed meanwhile shows as missed frames), and
/// after every dropped follower was back (or the 30 s passed).
/// </summary>
internal sealed record KillOutcome(
    string Victim,
    string PresenterInstance,
    int FollowersOnVictim,
    int Asked,
    int Connected,
    int Dropped,
    int Recovered,
    int Lost,
    double RecoveryP50Ms,
    double RecoveryMaxMs,
    FollowStats Before,
    FollowStats During,
    FollowStats After,
    string? Problem,
    string Load);
