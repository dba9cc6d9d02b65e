using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Room;

/// <summary>
/// The SignalR Redis backplane for every hub of a room instance (a group, a user or "all" spans the
/// instances), made so that Redis being down never refuses a connection. The backplane alone
/// subscribes each new connection's Redis channel before accepting it, so with Redis down every
/// Blazor circuit and hub client would be closed at once (WebSocket close 1011) and solo sessions
/// would stop; and started while Redis is down, it never subscribes its "all" and group-management
/// channels, so it would not share even once Redis is up.
/// <para>
/// So the backplane is made only once Redis has been reached. A connection that comes before is
/// served by an in-memory manager for its whole life (it answers, streams and renders as alone; a
/// Blazor circuit needs nothing more; a hub client that wants to follow across instances
/// reconnects). A connection that comes after goes to the backplane; if Redis drops meanwhile, its
/// subscription failing is logged and it goes on. A send to a group, a user or all reaches the
/// in-memory connections and then needs Redis: without it, it fails at once with a
/// <see cref="RedisConnectionException"/> for its caller to say that sharing is unavailable.
/// </para>
/// </summary>
public sealed partial class RoomHubLifetimeManager<THub> : HubLifetimeManager<THub>
    where THub : Hub
{
    private readonly DefaultHubLifetimeManager<THub> _local;

    private readonly IServiceProvider _services;

    private readonly RoomConnection _connection;

    private readonly ILogger _log;

    private readonly Lock _gate = new();

    /// <summary>Connections accepted before Redis was reached, served by <see cref="_local"/>.</summary>
    private readonly ConcurrentDictionary<string, bool> _localOnly = new(StringComparer.Ordinal);

    private RedisHubLifetimeManager<THub>? _shared;

    public RoomHubLifetimeManager(DefaultHubLifetimeManager<THub> local, IServiceProvider services, RoomConnection connection, ILogger<RoomHubLifetimeManager<THub>> log)
    {
        _local = local;
        _services = services;
        _connection = connection;
        _log = log;
    }

    /// <summary>The backplane, made the first time it is asked for with Redis able to take subscriptions (so its own, to "all" and group management, succeed); null before.</summary>
    private RedisHubLifetimeManager<THub>? Shared
    {
        get
        {
            if (Volatile.Read(ref _shared) is { } shared)
            {
                return shared;
            }

            if (!_connection.CanSubscribe)
            {
                return null;
            }

            lock (_gate)
            {
                return _shared ??= _services.GetRequiredService<RedisHubLifetimeManager<THub>>();
            }
        }
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        if (Shared is not { } shared)
        {
            _localOnly[connection.ConnectionId] = true;
            await _local.OnConnectedAsync(connection).ConfigureAwait(false);
            return;
        }

        try
        {
            await shared.OnConnectedAsync(connection).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            // The backplane has taken the connection and only failed to subscribe its channel.
            GoesOnWithoutRedis(_log, typeof(THub).Name, connection.ConnectionId, e.Message);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        if (_localOnly.TryRemove(connection.ConnectionId, out _))
        {
            await _local.OnDisconnectedAsync(connection).ConfigureAwait(false);
            return;
        }

        try
        {
            await _shared!.OnDisconnectedAsync(connection).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            // Its channels go with the Redis connection they were on.
            GoesOnWithoutRedis(_log, typeof(THub).Name, connection.ConnectionId, e.Message);
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        For(connectionId).SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override async Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        string[] local = [.. connectionIds.Where(_localOnly.ContainsKey)];
        await _local.SendConnectionsAsync(local, methodName, args, cancellationToken).ConfigureAwait(false);
        if (local.Length < connectionIds.Count)
        {
            await SharedOrUnavailable().SendConnectionsAsync([.. connectionIds.Except(local)], methodName, args, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        BothAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        For(connectionId).AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        For(connectionId).RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        For(connectionId).InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        For(connectionId).SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [NotNullWhen(true)] out Type? type) =>
        _local.TryGetReturnType(invocationId, out type) || (Volatile.Read(ref _shared)?.TryGetReturnType(invocationId, out type) ?? false);

    /// <summary>The manager that serves <paramref name="connectionId"/>: the in-memory one for a connection it took, else the backplane (which finds it here or on another instance).</summary>
    private HubLifetimeManager<THub> For(string connectionId) => _localOnly.ContainsKey(connectionId) ? _local : SharedOrUnavailable();

    /// <summary>A send to many: the in-memory connections first (they get it whatever Redis does), then every instance's through Redis.</summary>
    private async Task BothAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        await send(_local).ConfigureAwait(false);
        await send(SharedOrUnavailable()).ConfigureAwait(false);
    }

    private RedisHubLifetimeManager<THub> SharedOrUnavailable() =>
        Shared ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis cannot be reached, so nothing is shared with the other instances of the room (this instance serves its own sessions as usual).", null, CommandStatus.Unknown);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Room: {Hub} connection {ConnectionId} goes on without its Redis channel ({Reason})")]
    private static partial void GoesOnWithoutRedis(ILogger log, string hub, string connectionId, string reason);
}
