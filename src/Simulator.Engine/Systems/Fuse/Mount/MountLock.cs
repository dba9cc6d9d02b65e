using System.Diagnostics;

namespace BufferLab.Simulator.Engine.Systems.Fuse.Mount;

/// <summary>
/// One real mount at a time on this machine: max_pages_limit is machine-wide, so two runs would
/// change each other's limit. An exclusive lock on a file (flock, released by the kernel when its
/// holder dies, so a killed run never blocks the next), waited for up to a bound.
/// </summary>
public sealed class MountLock : IDisposable
{
    public const string Path = "/tmp/bufferlab-mount.lock";

    private readonly FileStream _file;

    private MountLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; throws <see cref="TimeoutException"/> saying so when another run keeps it.</summary>
    public static MountLock Take(TimeSpan wait, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new MountLock(new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (clock.Elapsed < wait)
            {
                cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(50));
                cancel.ThrowIfCancellationRequested();
            }
            catch (IOException)
            {
                throw new TimeoutException($"another real mount has been running for {wait.TotalSeconds:0} s or more (it holds {Path}); try again when it ends");
            }
        }
    }

    /// <summary>Whether another run holds the lock now.</summary>
    public static bool Held()
    {
        try
        {
            using var probe = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _file.Dispose();
}
