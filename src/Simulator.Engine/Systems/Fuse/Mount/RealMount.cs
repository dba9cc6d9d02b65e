using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Systems.Fuse.Mount;

/// <summary>
/// A FUSE file system mounted for real: /dev/fuse opened, mount(2) on a fresh temporary directory
/// with <c>fd=N,rootmode=40000,user_id=0,group_id=0</c>, and always taken down again: Dispose
/// unmounts (aborting the connection first when it is busy, then a lazy MNT_DETACH), closes the
/// device and removes the directory. The mount's source names the process that serves it
/// (<c>bufferlab-PID</c>), so mounts a killed process left behind are told apart from live ones and
/// detached by <see cref="RemoveStale"/>.
/// </summary>
public sealed class RealMount : IDisposable
{
    /// <summary>The file system type's subtype (fuse.bufferlab in /proc/mounts) and its source's prefix (bufferlab-PID).</summary>
    public const string Name = "bufferlab";

    private const string Connections = "/sys/fs/fuse/connections";

    private bool _mounted;

    public RealMount()
    {
        if (Unavailable() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        Directory = System.IO.Directory.CreateTempSubdirectory("bufferlab-mount-").FullName;
        Device = new DevFuse();
        string options = $"fd={Device.Descriptor},rootmode=40000,user_id=0,group_id=0";
        if (MountLibC.mount(SourceOf(Environment.ProcessId), Directory, "fuse." + Name, MountLibC.MsNosuid | MountLibC.MsNodev, options) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Device.Dispose();
            System.IO.Directory.Delete(Directory);
            throw new Win32Exception(errno, $"mount of {Directory} ({options}) failed");
        }

        _mounted = true;
        Connection = ConnectionOf(Directory);
    }

    public string Directory { get; }

    public DevFuse Device { get; }

    /// <summary>The connection's number under /sys/fs/fuse/connections (the mount's device minor).</summary>
    public int Connection { get; }

    /// <summary>Why this machine cannot mount, in one line, or null when it can (Linux, /dev/fuse, root).</summary>
    public static string? Unavailable() =>
        !OperatingSystem.IsLinux() ? "a real FUSE mount needs Linux"
        : !File.Exists("/dev/fuse") ? "this machine has no /dev/fuse (load the fuse module, or give the container --device /dev/fuse)"
        : geteuid() != 0 ? "a real FUSE mount needs root here (mount(2) with fd=N; fusermount is not used)"
        : null;

    /// <summary>The mount source of a mount served by process <paramref name="pid"/>.</summary>
    public static string SourceOf(int pid) => $"{Name}-{pid.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether <paramref name="directory"/> is a mount point now (/proc/mounts).</summary>
    public static bool IsMounted(string directory) => MountPoints().Any(m => m.Directory == directory);

    /// <summary>The mount points of fuse.bufferlab mounts served by process <paramref name="pid"/>.</summary>
    public static IReadOnlyList<string> MountedBy(int pid) => [.. MountPoints().Where(m => m.Type == "fuse." + Name && m.Source == SourceOf(pid)).Select(m => m.Directory)];

    /// <summary>Detaches every fuse.bufferlab mount whose serving process is gone (one killed with SIGKILL cannot unmount); returns how many.</summary>
    public static int RemoveStale()
    {
        int removed = 0;
        foreach ((string source, string directory, string type) in MountPoints())
        {
            bool alive = source.StartsWith(Name + "-", StringComparison.Ordinal) && int.TryParse(source.AsSpan(Name.Length + 1), CultureInfo.InvariantCulture, out int pid)
                && System.IO.Directory.Exists($"/proc/{pid}");
            if (type == "fuse." + Name && !alive && MountLibC.umount2(directory, MountLibC.MntDetach) == 0)
            {
                removed++;
                TryDelete(directory);
            }
        }

        return removed;
    }

    /// <summary>Aborts the connection (/sys/fs/fuse/connections/N/abort): every request fails, the daemon's read gets ENODEV.</summary>
    public void Abort()
    {
        string abort = Path.Combine(Connections, Connection.ToString(CultureInfo.InvariantCulture), "abort");
        if (!File.Exists(abort))
        {
            _ = MountLibC.mount("fusectl", Connections, "fusectl", 0, ""); // the control file system is not always mounted
        }

        if (File.Exists(abort))
        {
            File.WriteAllText(abort, "1");
        }
        else
        {
            _ = MountLibC.umount2(Directory, MountLibC.MntDetach); // no control file system: a lazy unmount also ends the connection
        }
    }

    /// <summary>Unmounts: a plain umount2, and when the mount is busy, abort then MNT_DETACH. Returns false when it was not mounted.</summary>
    public bool Unmount()
    {
        if (!_mounted)
        {
            return false;
        }

        if (MountLibC.umount2(Directory, 0) != 0)
        {
            Abort();
            if (MountLibC.umount2(Directory, MountLibC.MntDetach) != 0 && IsMounted(Directory))
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), $"umount2 of {Directory} failed");
            }
        }

        _mounted = false;
        return true;
    }

    public void Dispose()
    {
        try
        {
            _ = Unmount();
        }
        finally
        {
            Device.Dispose();
            TryDelete(Directory);
        }
    }

    private static List<(string Source, string Directory, string Type)> MountPoints() =>
        File.ReadLines("/proc/mounts").Select(line => line.Split(' ')).Where(f => f.Length > 2).Select(f => (Unescape(f[0]), Unescape(f[1]), f[2])).ToList();

    /// <summary>/proc/mounts writes a space as \040 (and tab, newline, backslash likewise).</summary>
    private static string Unescape(string field) => field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
        .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);

    /// <summary>The minor device number of the mount at <paramref name="directory"/>, from /proc/self/mountinfo's major:minor field.</summary>
    private static int ConnectionOf(string directory)
    {
        foreach (string[] fields in File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' ')))
        {
            if (fields.Length > 4 && Unescape(fields[4]) == directory)
            {
                return int.Parse(fields[2].AsSpan(fields[2].IndexOf(':') + 1), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{directory} is not in /proc/self/mountinfo after mount(2)");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory);
        }
        catch (IOException)
        {
            // still busy or already gone: a temporary directory, left for the system to clean
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
