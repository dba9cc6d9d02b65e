using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Room;

/// <summary>
/// The room's data-protection key ring: in Redis, so a page prerendered (and its antiforgery token
/// issued) by one instance is read by another. Redis being down must not stop solo sessions, and
/// the plain Redis repository would fail every page then (the key ring cannot be read): so the
/// last ring read from Redis is kept, and a key made while Redis cannot be reached is kept in
/// memory, where only this instance reads what it protects (the balancer's sticky cookie keeps a
/// browser there); it is written to Redis when the ring is next read with Redis back (the data
/// protection system reads it again within a day, or when this instance restarts).
/// </summary>
public sealed partial class RoomKeyRepository : IXmlRepository
{
    private readonly RoomConnection _connection;

    private readonly RedisXmlRepository _shared;

    private readonly ILogger _log;

    private readonly Lock _gate = new();

    /// <summary>The ring as last read from Redis.</summary>
    private List<XElement> _lastShared = [];

    /// <summary>Keys made while Redis could not be reached (few: a key lives 90 days).</summary>
    private readonly List<XElement> _local = [];

    public RoomKeyRepository(RoomConnection connection, ILogger<RoomKeyRepository> log)
    {
        _connection = connection;
        _log = log;
        _shared = new RedisXmlRepository(() => connection.Multiplexer.GetDatabase(), RoomServices.KeyRingKey);
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (_connection.Multiplexer.IsConnected)
        {
            try
            {
                foreach (XElement key in TakeLocal())
                {
                    _shared.StoreElement(key, "kept while Redis was down");
                }

                List<XElement> shared = [.. _shared.GetAllElements()];
                lock (_gate)
                {
                    _lastShared = shared;
                }
            }
            catch (RedisException e)
            {
                ReadFailed(_log, e.Message);
            }
        }

        lock (_gate)
        {
            return [.. _lastShared, .. _local];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        if (_connection.Multiplexer.IsConnected)
        {
            try
            {
                _shared.StoreElement(element, friendlyName);
                return;
            }
            catch (RedisException e)
            {
                ReadFailed(_log, e.Message);
            }
        }

        KeptLocally(_log, friendlyName);
        lock (_gate)
        {
            _local.Add(new XElement(element));
        }
    }

    /// <summary>Moves the keys kept locally to <see cref="_lastShared"/> (they are being written to Redis); if that fails they are still read from there.</summary>
    private List<XElement> TakeLocal()
    {
        lock (_gate)
        {
            List<XElement> local = [.. _local];
            _local.Clear();
            _lastShared.AddRange(local);
            return local;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room: the data-protection key ring could not be read from or written to Redis ({Reason}); using the ring last read")]
    private static partial void ReadFailed(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room: Redis cannot be reached, so data-protection key {Name} stays on this instance: a page it prerenders starts its circuit here only")]
    private static partial void KeptLocally(ILogger log, string name);
}
