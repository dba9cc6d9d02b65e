using System.Security.Cryptography;
using System.Text;

namespace BufferLab.Simulator.Engine.Systems.Keep;

/// <summary>Mirrors keepstore.rendezvous: mounts by descending priority, then by md5(hash + uuid suffix) ascending.</summary>
public static class Rendezvous
{
    public static IReadOnlyList<KeepVolume> Order(string hash, IReadOnlyList<KeepVolume> volumes)
    {
        string key = hash.Length > 32 ? hash[..32] : hash;
        return volumes
#pragma warning disable CA5351 // Keep names blocks by MD5; this is an identifier, not security
            .Select(v => (Volume: v, Weight: Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key + UuidPart(v.Uuid))))))
#pragma warning restore CA5351
            .OrderByDescending(x => x.Volume.Priority)
            .ThenBy(x => x.Weight, StringComparer.Ordinal)
            .Select(x => x.Volume)
            .ToArray();
    }

    private static string UuidPart(string uuid) => uuid.Length == 27 ? uuid[12..] : uuid;
}
