using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Room;

/// <summary>
/// Whether this dashboard is one instance of a room (several instances behind a balancer, sharing
/// through Redis) and which one. Configured under <c>BufferLab:Room</c> (in the environment
/// <c>BufferLab__Room__Redis=127.0.0.1:6390</c>, <c>BufferLab__Room__Instance=a</c>); without
/// <see cref="Redis"/> the app runs alone, in memory, exactly as it does without this.
/// </summary>
public sealed partial record RoomOptions
{
    public const string Section = "BufferLab:Room";

    /// <summary>The response header naming the instance that answered (only in a room): a balancer's choice can be seen with curl.</summary>
    public const string InstanceHeader = "X-BufferLab-Instance";

    /// <summary>Prefix of every Redis channel published or subscribed through the room's connection (the multiplexer adds it), so a Redis shared with other apps keeps ours apart.</summary>
    public const string ChannelPrefix = "bufferlab";

    /// <summary>The instance name when the app runs alone and no port names it.</summary>
    public const string Solo = "solo";

    /// <summary>Longest instance name: it is printed in the app bar and sent in every response's header.</summary>
    public const int MaxInstanceLength = 32;

    /// <summary>Longest Redis connection string read (a few endpoints and options; anything longer is a mistake).</summary>
    public const int MaxRedisLength = 1024;

    /// <summary>How long connecting to Redis may take before the instance goes on without it (and keeps retrying in the background).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The StackExchange.Redis connection string (e.g. <c>127.0.0.1:6390</c>), or null: no room, nothing shared.</summary>
    public string? Redis { get; init; }

    /// <summary>This instance's name: configured, else the port it listens on, else <see cref="Solo"/>.</summary>
    public string Instance { get; init; } = Solo;

    /// <summary>Whether this instance shares through Redis with others (a room), rather than running alone.</summary>
    public bool IsShared => Redis is not null;

    /// <summary>
    /// <c>Redis</c> and <c>Instance</c> under <see cref="Section"/>. A value that cannot be right
    /// (a connection string StackExchange.Redis cannot read, an instance name that cannot go into a
    /// header) stops the start with a message saying what was read and what is taken.
    /// </summary>
    /// <param name="configuration">The app's configuration; its <c>urls</c> give the default instance name.</param>
    public static RoomOptions From(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(Section);
        string? redis = ReadRedis(section["Redis"]);
        string? instance = section["Instance"];
        if (string.IsNullOrWhiteSpace(instance))
        {
            return new RoomOptions { Redis = redis, Instance = PortOf(configuration["urls"] ?? configuration["ASPNETCORE_URLS"]) ?? Solo };
        }

        instance = instance.Trim();
        if (instance.Length > MaxInstanceLength || !InstanceName().IsMatch(instance))
        {
            throw new InvalidOperationException(
                $"{Section}:Instance is '{Shorten(instance)}'; it must be 1 to {MaxInstanceLength} letters, digits, '.', '_' or '-' (it names this instance in the app bar and in the {InstanceHeader} header), e.g. BufferLab__Room__Instance=a.");
        }

        return new RoomOptions { Redis = redis, Instance = instance };
    }

    /// <summary>
    /// The options this instance connects with: those of <see cref="Redis"/>, except that a Redis
    /// that is down (or not up yet) never stops the start: the connection is retried in the
    /// background, and a command while it is down fails at once instead of queueing, so what
    /// needs Redis says so quickly and solo sessions go on.
    /// </summary>
    public ConfigurationOptions ConnectOptions(string? purpose = null)
    {
        if (Redis is null)
        {
            throw new InvalidOperationException($"{Section}:Redis is not set: this instance runs alone and connects to no Redis.");
        }

        ConfigurationOptions options = ConfigurationOptions.Parse(Redis);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName = purpose is null ? $"bufferlab-{Instance}" : $"bufferlab-{Instance}-{purpose}";
        // Every channel through this connection (the SignalR backplane's, presenting's) starts with it.
        options.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
        return options;
    }

    private static string? ReadRedis(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        string problem;
        if (text.Length > MaxRedisLength)
        {
            problem = $"it is {text.Length} characters long, more than the {MaxRedisLength} a connection string may have";
        }
        else
        {
            try
            {
                ConfigurationOptions parsed = ConfigurationOptions.Parse(text);
                if (parsed.EndPoints.Count > 0)
                {
                    return text;
                }

                problem = "it names no server";
            }
            catch (Exception e) when (e is ArgumentException or FormatException or RedisConnectionException)
            {
                problem = e.Message;
            }
        }

        // The string itself is not echoed: it may hold a password.
        throw new InvalidOperationException(
            $"{Section}:Redis could not be read ({problem}); it must be a StackExchange.Redis connection string such as 127.0.0.1:6379 (host:port[,option=value...]), or unset to run this instance alone.");
    }

    /// <summary>The port of the first address in <paramref name="urls"/> ("http://127.0.0.1:5191;..." gives "5191"), or null when none is given or it is 0 (any free port).</summary>
    private static string? PortOf(string? urls)
    {
        string first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        Match port = TrailingPort().Match(first);
        return port.Success && int.Parse(port.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is > 0 and <= 65535 ? port.Groups[1].Value : null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex InstanceName();

    [GeneratedRegex(@":([0-9]{1,5})/?$")]
    private static partial Regex TrailingPort();
}
