using System.Diagnostics;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// A presentation's measuring followers, connected in parallel batches of <see cref="Batch"/> (as a
/// room fills, not all in one instant); a follower that cannot connect or follow within
/// <see cref="ConnectTimeout"/> is counted as refused, with the first reason kept for the report.
/// </summary>
internal sealed class FollowerCrowd : IAsyncDisposable
{
    public const int Batch = 25;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private FollowerCrowd(IReadOnlyList<RoomFollower> followers, int refused, string? firstRefusal, TimeSpan took)
    {
        (Followers, Refused, FirstRefusal, Took) = (followers, refused, firstRefusal, took);
    }

    public IReadOnlyList<RoomFollower> Followers { get; }

    public int Refused { get; }

    public string? FirstRefusal { get; }

    /// <summary>How long connecting them all took.</summary>
    public TimeSpan Took { get; }

    /// <summary>Connects <paramref name="count"/> followers of <paramref name="code"/> through <paramref name="balancer"/>; each records the frames of <paramref name="steps"/> steps from <paramref name="firstStep"/>.</summary>
    public static async Task<FollowerCrowd> ConnectAsync(Uri balancer, string code, int firstStep, int steps, int count)
    {
        var clock = Stopwatch.StartNew();
        var followers = new List<RoomFollower>(count);
        int refused = 0;
        string? firstRefusal = null;
        for (int done = 0; done < count; done += Batch)
        {
            RoomFollower?[] batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(Batch, count - done)).Select(async _ =>
            {
                using var timeout = new CancellationTokenSource(ConnectTimeout);
                try
                {
                    return await RoomFollower.ConnectAsync(balancer, code, firstStep, steps, timeout.Token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // a refused follower is a figure of the run, not its end
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.CompareExchange(ref firstRefusal, $"{e.GetType().Name}: {e.Message}", null);
                    return null;
                }
            })).ConfigureAwait(false);
            followers.AddRange(batch.OfType<RoomFollower>());
        }

        return new FollowerCrowd(followers, refused, firstRefusal, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (RoomFollower[] chunk in Followers.Chunk(4 * Batch))
        {
            await Task.WhenAll(chunk.Select(f => f.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }
}
