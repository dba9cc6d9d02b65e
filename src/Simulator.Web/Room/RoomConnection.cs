using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Room;

/// <summary>
/// The connection to Redis an instance of a room shares between the data-protection key ring and
/// presenting (one multiplexer per process is what StackExchange.Redis is made for); each hub's
/// SignalR backplane gets one of its own (<see cref="ConnectOwnAsync"/>), as it disposes what it is
/// given. It connects once, on first use or at start; when Redis is down it does not fail but keeps
/// retrying in the background (<see cref="RoomOptions.ConnectOptions"/>), and says so in the log.
/// </summary>
public sealed partial class RoomConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connect;

    private readonly RoomOptions _room;

    private readonly ILogger _log;

    public RoomConnection(RoomOptions room, ILogger<RoomConnection> log)
    {
        _room = room;
        _log = log;
        _connect = new(() => ConnectAsync(room), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The multiplexer, once the first attempt to connect has ended (connected or not: it goes on trying).</summary>
    public Task<IConnectionMultiplexer> GetAsync() => _connect.Value;

    /// <summary>The multiplexer; on first use this waits for the first attempt (at most <see cref="RoomOptions.ConnectTimeout"/>).</summary>
    public IConnectionMultiplexer Multiplexer => _connect.Value.GetAwaiter().GetResult();

    /// <summary>
    /// Whether Redis answers subscriptions now. A multiplexer is connected as soon as its command
    /// connection is, while its subscription connection may still be coming up: a subscription
    /// made then fails (commands fail fast here), so what subscribes at once waits for this.
    /// </summary>
    public bool CanSubscribe => CanSubscribeThrough(Multiplexer);

    /// <summary>
    /// A new connection, for an owner that disposes it, named after <paramref name="purpose"/>. It is
    /// asked for once the shared one can subscribe, and returned once it can too (or after the connect
    /// timeout): its owner subscribes at once, and a subscription made while its subscription
    /// connection is still coming up would fail.
    /// </summary>
    public async Task<IConnectionMultiplexer> ConnectOwnAsync(string purpose, TextWriter? log)
    {
        ConnectionMultiplexer multiplexer = await ConnectionMultiplexer.ConnectAsync(_room.ConnectOptions(purpose), log).ConfigureAwait(false);
        for (int waited = 0; !CanSubscribeThrough(multiplexer) && waited < RoomOptions.ConnectTimeout.TotalMilliseconds; waited += 20)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        return multiplexer;
    }

    private static bool CanSubscribeThrough(IConnectionMultiplexer multiplexer) => multiplexer.IsConnected && multiplexer.GetSubscriber().IsConnected();

    private async Task<IConnectionMultiplexer> ConnectAsync(RoomOptions room)
    {
        ConfigurationOptions options = room.ConnectOptions();
        ConnectionMultiplexer multiplexer = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        string endpoints = string.Join(", ", options.EndPoints);
        if (multiplexer.IsConnected)
        {
            Connected(_log, room.Instance, endpoints);
        }
        else
        {
            Unreachable(_log, endpoints, room.Instance);
        }

        multiplexer.ConnectionFailed += (_, e) => Lost(_log, e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => Restored(_log, e.EndPoint);
        return multiplexer;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room: instance {Instance} connected to Redis at {Endpoints}")]
    private static partial void Connected(ILogger log, string instance, string endpoints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room: Redis at {Endpoints} cannot be reached; instance {Instance} serves solo sessions as usual and keeps trying")]
    private static partial void Unreachable(ILogger log, string endpoints, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room: lost Redis at {Endpoint} ({Failure}); solo sessions go on, sharing waits until it is back")]
    private static partial void Lost(ILogger log, System.Net.EndPoint? endpoint, ConnectionFailureType failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room: Redis at {Endpoint} is back")]
    private static partial void Restored(ILogger log, System.Net.EndPoint? endpoint);

    public async ValueTask DisposeAsync()
    {
        if (_connect.IsValueCreated)
        {
            await (await _connect.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
