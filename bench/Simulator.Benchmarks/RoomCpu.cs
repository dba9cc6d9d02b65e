using System.Diagnostics;
using System.Globalization;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The CPU time each of the room's processes had used at one moment (instances, redis-server, nginx)
/// and this harness's own (the presenter's and every follower's client): <see cref="Since"/> gives
/// what each group used in between as a share of one core, to show who the 2 cores went to.
/// </summary>
internal sealed class RoomCpu
{
    private const string Instances = "instances", Redis = "redis", Nginx = "nginx", Harness = "harness";

    private readonly Dictionary<int, (string Group, TimeSpan Used)> _used;

    private readonly long _at;

    private RoomCpu(Dictionary<int, (string Group, TimeSpan Used)> used, long at) => (_used, _at) = (used, at);

    public static RoomCpu Of(RunningRoom room)
    {
        var used = new Dictionary<int, (string, TimeSpan)>();
        void Add(int pid, string group)
        {
            if (RunningRoom.CpuTime(pid) is { } time)
            {
                used[pid] = (group, time);
            }
        }

        foreach (string instance in room.Instances)
        {
            Add(room.PidOf(instance), Instances);
        }

        Add(room.RedisPid, Redis);
        foreach (int pid in room.NginxPids)
        {
            Add(pid, Nginx);
        }

        using Process self = Process.GetCurrentProcess();
        used[self.Id] = (Harness, self.TotalProcessorTime);
        return new RoomCpu(used, Stopwatch.GetTimestamp());
    }

    /// <summary>Each group's CPU since <paramref name="earlier"/> in % of one core, e.g. "instances 140%, nginx 12%, redis 4%, harness 35%" (a process gone since counts nothing).</summary>
    public string Since(RoomCpu earlier)
    {
        double wall = Stopwatch.GetElapsedTime(earlier._at, _at).TotalSeconds;
        var sums = new Dictionary<string, double>(StringComparer.Ordinal) { [Instances] = 0, [Nginx] = 0, [Redis] = 0, [Harness] = 0 };
        foreach ((int pid, (string group, TimeSpan used)) in _used)
        {
            if (earlier._used.TryGetValue(pid, out var before))
            {
                sums[group] += (used - before.Used).TotalSeconds;
            }
        }

        return string.Join(", ", sums.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {100 * s.Value / wall:0}%")));
    }
}
