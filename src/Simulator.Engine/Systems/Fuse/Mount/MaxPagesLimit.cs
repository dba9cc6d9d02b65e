using System.Globalization;

namespace BufferLab.Simulator.Engine.Systems.Fuse.Mount;

/// <summary>/proc/sys/fs/fuse/max_pages_limit (Linux 6.13+): set before mounting, restored on Dispose.</summary>
public sealed class MaxPagesLimit : IDisposable
{
    public const string Path = "/proc/sys/fs/fuse/max_pages_limit";

    private readonly int? _before;

    /// <summary>Sets the limit to <paramref name="pages"/> when given; null leaves it as it is.</summary>
    public MaxPagesLimit(int? pages)
    {
        Current = Read();
        if (pages is { } wanted && wanted != Current)
        {
            if (!File.Exists(Path))
            {
                throw new InvalidOperationException($"{Path} does not exist (Linux before 6.13 fixes max_pages_limit at 256)");
            }

            _before = Current;
            File.WriteAllText(Path, wanted.ToString(CultureInfo.InvariantCulture));
            Current = Read();
        }
    }

    /// <summary>The limit in force (256 when the sysctl does not exist).</summary>
    public int Current { get; }

    public static int Read() => File.Exists(Path) ? int.Parse(File.ReadAllText(Path).Trim(), CultureInfo.InvariantCulture) : 256;

    public void Dispose()
    {
        if (_before is { } before)
        {
            File.WriteAllText(Path, before.ToString(CultureInfo.InvariantCulture));
        }
    }
}
