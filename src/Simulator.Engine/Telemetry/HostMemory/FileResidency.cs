using System.ComponentModel;
using System.Runtime.InteropServices;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using Microsoft.Win32.SafeHandles;

namespace BufferLab.Simulator.Engine.Telemetry.HostMemory;

/// <summary>
/// Which pages of one file the page cache holds: the file is mapped once, never touched, and
/// mincore asks the kernel about any range of it (so asking costs nothing like a whole-file scan
/// and cannot fault, even after the file shrinks). Drop asks the kernel to evict the file's clean
/// pages (posix_fadvise DONTNEED). Linux only; elsewhere it measures zero.
/// </summary>
[CheckpointShared]
public sealed class FileResidency : IDisposable
{
    [MachineValue]
    private readonly SafeFileHandle _handle;
    [MachineValue]
    private readonly long _length;
    [MachineValue]
    private readonly int _page;
    [MachineValue]
    private IntPtr _map;

    public FileResidency(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _length = length;
        if (!OperatingSystem.IsLinux() || length == 0)
        {
            return;
        }

        _page = LibC.getpagesize();
        _map = LibC.mmap(IntPtr.Zero, (nuint)length, LibC.ProtRead, LibC.MapShared, (int)handle.DangerousGetHandle(), 0);
        if (_map == LibC.MapFailed)
        {
            _map = IntPtr.Zero;
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "mmap for mincore failed");
        }
    }

    /// <summary>Bytes of [<paramref name="offset"/>, + <paramref name="length"/>) in the page cache, whole pages counted.</summary>
    public unsafe long ResidentBytes(long offset, long length)
    {
        if (_map == IntPtr.Zero || length <= 0 || offset >= _length)
        {
            return 0;
        }

        long start = offset / _page * _page;
        long end = Math.Min(_length, offset + length);
        long pages = (end - start + _page - 1) / _page;
        byte* vector = stackalloc byte[(int)Math.Min(pages, 4096)];
        long resident = 0;
        for (long done = 0; done < pages; done += 4096)
        {
            long count = Math.Min(4096, pages - done);
            if (LibC.mincore(_map + (nint)(start + done * _page), (nuint)(count * _page), vector) != 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), "mincore failed");
            }

            for (long i = 0; i < count; i++)
            {
                resident += vector[i] & 1;
            }
        }

        return resident * _page;
    }

    public void Drop()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = LibC.posix_fadvise((int)_handle.DangerousGetHandle(), 0, 0, LibC.PosixFadvDontNeed);
        }
    }

    public void Dispose()
    {
        if (_map != IntPtr.Zero)
        {
            _ = LibC.munmap(_map, (nuint)_length);
            _map = IntPtr.Zero;
        }
    }
}
