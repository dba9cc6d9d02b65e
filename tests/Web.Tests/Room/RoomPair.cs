using BufferLab.Simulator.TestSupport;

namespace BufferLab.Simulator.Web.Tests.Room;

/// <summary>
/// A real redis-server of its own and two instances of the dashboard sharing it ("a" and "b"), both
/// able to subscribe before a test goes on. A test of faults may stop <see cref="Redis"/> itself.
/// </summary>
public sealed class RoomPair : IAsyncDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(15);

    private RoomPair(RedisServer redis)
    {
        Redis = redis;
        A = new RoomDashboard(redis.ConnectionString, "a");
        B = new RoomDashboard(redis.ConnectionString, "b");
    }

    public RedisServer Redis { get; }

    public RoomDashboard A { get; }

    public RoomDashboard B { get; }

    public static async Task<RoomPair> StartAsync()
    {
        var pair = new RoomPair(await RedisServer.StartAsync());
        foreach (RoomDashboard app in new[] { pair.A, pair.B })
        {
            if (!app.CanSubscribeWithin(ConnectPatience))
            {
                await pair.DisposeAsync();
                throw new TimeoutException($"an instance did not connect to the test's redis-server within {ConnectPatience.TotalSeconds:0} s");
            }
        }

        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
