using System.Text;

namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>
/// FNV-1a over UTF-8: the same value for the same name on every machine and every run, unlike
/// string.GetHashCode, which is randomised per process.
/// </summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
