using System.Diagnostics;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// Follow latency over some followers and presenter steps. A follower has reached step N when a
/// frame of step N or later arrives (the presenter's feed coalesces steps that come faster than it
/// publishes: the later frame carries both steps' events); the latency of N is the time from the
/// presenter's Step call to N starting until then (ms). <see cref="Missed"/> counts follower-steps
/// whose own frame never arrived (coalesced or lost), <see cref="Coalesced"/> the steps whose frame no
/// follower received (the feed never sent it), <see cref="Unreached"/> follower-steps never reached at
/// all. <see cref="StepCallP50"/>/<see cref="StepCallP99"/>: the presenter's Step calls themselves (ms).
/// </summary>
internal sealed record FollowStats(int Followers, int Steps, long Frames, long Missed, int Coalesced, long Unreached, double P50, double P99, double Max, double StepCallP50, double StepCallP99)
{
    /// <summary>The steps from <paramref name="fromStep"/> to <paramref name="toStep"/> (both included) as <paramref name="followers"/> reached them.</summary>
    public static FollowStats Of(IReadOnlyCollection<RoomFollower> followers, RoomPresenter presenter, int fromStep, int toStep)
    {
        toStep = Math.Min(toStep, presenter.LastStep);
        fromStep = Math.Max(fromStep, presenter.FirstStep + 1);
        int count = Math.Max(0, toStep - fromStep + 1);
        var latencies = new List<double>(followers.Count * count);
        long missed = 0, unreached = 0, frames = 0;
        var received = new int[count];
        foreach (RoomFollower follower in followers)
        {
            // Walking down from the presenter's last step: the earliest arrival of a frame of this step or any later one.
            long reached = 0;
            for (int step = presenter.LastStep; step >= fromStep; step--)
            {
                long arrived = follower.ArrivalOf(step);
                reached = arrived != 0 && (reached == 0 || arrived < reached) ? arrived : reached;
                if (step > toStep)
                {
                    continue;
                }

                if (arrived == 0)
                {
                    missed++;
                }
                else
                {
                    frames++;
                    received[step - fromStep]++;
                }

                if (reached == 0)
                {
                    unreached++;
                }
                else
                {
                    latencies.Add(Stopwatch.GetElapsedTime(presenter.StartOf(step), reached).TotalMilliseconds);
                }
            }
        }

        latencies.Sort();
        List<double> calls = [.. Enumerable.Range(fromStep, count).Select(presenter.CallMillisecondsOf).Order()];
        return new FollowStats(followers.Count, count, frames, missed, followers.Count == 0 ? 0 : received.Count(r => r == 0), unreached,
            Percentile(latencies, 50), Percentile(latencies, 99), latencies.Count == 0 ? double.NaN : latencies[^1], Percentile(calls, 50), Percentile(calls, 99));
    }

    /// <summary>Nearest rank; NaN for none.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
