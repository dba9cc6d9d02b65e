using System.IO.MemoryMappedFiles;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// Mirrors filereader.go's mmapReader over golang.org/x/exp/mmap (mmap_unix.go): the whole file
/// mapped read-only and shared (MemoryMappedFile: mmap(PROT_READ, MAP_SHARED)) at open, each
/// ReadAt a copy out of the mapping, Close unmaps. An empty file gets an empty reader and no mapping.
/// <para>
/// One addition of ours: upstream would touch pages past a file truncated under the mapping and die
/// of SIGBUS. This reader keeps the file open and checks its length before copying; a copy that
/// would fault becomes an error (<see cref="TruncatedUnderMapping"/>) instead of a crash of the host.
/// </para>
/// </summary>
public sealed class MmapReader : IFileReader
{
    public const string TruncatedUnderMapping = "mmap: the file was truncated under the mapping; the copy would fault (SIGBUS) and is refused";

    private readonly FileStream? _file;
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private bool _closed;

    private MmapReader(long length, FileStream? file, MemoryMappedFile? map, MemoryMappedViewAccessor? view)
    {
        Length = length;
        _file = file;
        _map = map;
        _view = view;
    }

    /// <summary>The file's size when it was mapped (mmap.ReaderAt.Len).</summary>
    public long Length { get; }

    /// <summary>mmap.Open: os.Open (a missing file throws <see cref="FileNotFoundException"/>), Stat, then map the whole file (too large only where Go's int is 32 bits).</summary>
    public static MmapReader Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        try
        {
            long size = file.Length;
            if (size == 0)
            {
                file.Dispose();
                return new MmapReader(0, null, null, null);
            }

            if (!Environment.Is64BitProcess && size > int.MaxValue)
            {
                throw new IOException($"mmap: file \"{path}\" is too large");
            }

            MemoryMappedFile map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            return new MmapReader(size, file, map, map.CreateViewAccessor(0, size, MemoryMappedFileAccess.Read));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public (int Read, string? Error) ReadAt(Span<byte> buffer, long offset)
    {
        if (_closed)
        {
            return (0, "mmap: closed");
        }

        if (offset < 0 || offset > Length)
        {
            return (0, $"mmap: invalid ReadAt offset {offset}");
        }

        int n = (int)Math.Min(buffer.Length, Length - offset);
        if (n > 0)
        {
            if (_file is not null && RandomAccess.GetLength(_file.SafeFileHandle) < offset + n)
            {
                return (0, TruncatedUnderMapping);
            }

            CopyOut(buffer[..n], offset);
        }

        return n < buffer.Length ? (n, IFileReader.Eof) : (n, null);
    }

    public void Dispose()
    {
        _closed = true;
        _view?.Dispose();
        _map?.Dispose();
        _file?.Dispose();
    }

    private unsafe void CopyOut(Span<byte> destination, long offset)
    {
        byte* start = null;
        Microsoft.Win32.SafeHandles.SafeMemoryMappedViewHandle handle = _view!.SafeMemoryMappedViewHandle;
        handle.AcquirePointer(ref start);
        try
        {
            new ReadOnlySpan<byte>(start + _view.PointerOffset + offset, destination.Length).CopyTo(destination);
        }
        finally
        {
            handle.ReleasePointer();
        }
    }
}
