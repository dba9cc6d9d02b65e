using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Room;

/// <summary>
/// Makes an instance part of a room when <c>BufferLab:Room:Redis</c> is set: the SignalR Redis
/// backplane (a group spans instances), data-protection keys in Redis (a page prerendered by one
/// instance starts its circuit on another, as a balancer may send it), and the instance's name on
/// responses. Without it, only <see cref="RoomOptions"/> is registered and nothing else changes.
/// </summary>
public static class RoomServices
{
    /// <summary>The Redis list holding the room's data-protection key ring.</summary>
    public const string KeyRingKey = "bufferlab:data-protection-keys";

    /// <summary>The application name every instance protects data under (by default it is the content root, which instances need not share).</summary>
    public const string ApplicationName = "BufferLab";

    /// <summary>Reads <see cref="RoomOptions"/> (a bad value stops the start here) and, in a room, registers the shared connection and what uses it.</summary>
    public static RoomOptions AddRoom(this WebApplicationBuilder builder)
    {
        RoomOptions room = RoomOptions.From(builder.Configuration);
        builder.Services.AddSingleton(room);
        if (!room.IsShared)
        {
            return room;
        }

        builder.Services.AddSingleton<RoomConnection>();
        builder.Services.AddSingleton<IConnectionMultiplexer>(s => s.GetRequiredService<RoomConnection>().Multiplexer);
        // Each hub's backplane connects on its own: RedisHubLifetimeManager disposes the connection it
        // is given, so one shared with the other hub's backplane or with presenting would be disposed
        // under them when the host stops (a fresh-clone CI failed there with ObjectDisposedException).
        builder.Services.AddSignalR().AddStackExchangeRedis();
        builder.Services.AddOptions<RedisOptions>().Configure<RoomConnection>((o, connection) => o.ConnectionFactory = log => connection.ConnectOwnAsync("backplane", log));
        // Every hub on the backplane, through a wrapper that still accepts connections while Redis is down.
        builder.Services.AddSingleton(typeof(RedisHubLifetimeManager<>));
        builder.Services.AddSingleton(typeof(DefaultHubLifetimeManager<>));
        builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(RoomHubLifetimeManager<>));
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddSingleton<RoomKeyRepository>();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<RoomKeyRepository>((o, keys) => o.XmlRepository = keys);
        return room;
    }

    /// <summary>In a room: starts connecting to Redis now (not on the first request), and names the answering instance on every response.</summary>
    public static void UseRoom(this WebApplication app)
    {
        RoomOptions room = app.Services.GetRequiredService<RoomOptions>();
        if (!room.IsShared)
        {
            return;
        }

        _ = app.Services.GetRequiredService<RoomConnection>().GetAsync();
        app.Use((context, next) =>
        {
            context.Response.Headers[RoomOptions.InstanceHeader] = room.Instance;
            return next(context);
        });
    }
}
