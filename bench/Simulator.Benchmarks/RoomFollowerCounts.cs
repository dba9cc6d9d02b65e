using System.Globalization;
using StackExchange.Redis;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The room's own count of a presentation's followers, per instance, from its Redis: the hash
/// <c>bufferlab:presenting:{code}:followers</c>, field = instance name, value "count:freshUntilUnixMs"
/// (each instance reports its count every heartbeat; a count past its freshness is a dead instance's and is left out).
/// </summary>
internal sealed class RoomFollowerCounts(IConnectionMultiplexer redis) : IAsyncDisposable
{
    public static async Task<RoomFollowerCounts> ConnectAsync(int port) =>
        new(await ConnectionMultiplexer.ConnectAsync(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port},abortConnect=false,connectTimeout=5000")).ConfigureAwait(false));

    /// <summary>Instance name → its fresh follower count of <paramref name="code"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OfAsync(string code)
    {
        HashEntry[] entries = await redis.GetDatabase().HashGetAllAsync($"bufferlab:presenting:{code}:followers").ConfigureAwait(false);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(); // the instances stamp freshness with wall-clock time
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (HashEntry entry in entries)
        {
            string[] parts = entry.Value.ToString().Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int count) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out long fresh) && fresh > now)
            {
                counts[entry.Name.ToString()] = count;
            }
        }

        return counts;
    }

    public async ValueTask DisposeAsync() => await redis.DisposeAsync().ConfigureAwait(false);
}
