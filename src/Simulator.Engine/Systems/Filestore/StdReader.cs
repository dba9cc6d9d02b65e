using Microsoft.Win32.SafeHandles;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors filereader.go's stdReader: os.Open, then File.ReadAt, which loops pread until the buffer is full or EOF.</summary>
public sealed class StdReader : IFileReader
{
    private readonly SafeFileHandle _handle;

    private StdReader(SafeFileHandle handle) => _handle = handle;

    /// <summary>os.Open; a missing file throws <see cref="FileNotFoundException"/> (os.IsNotExist).</summary>
    public static StdReader Open(string path) => new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

    public (int Read, string? Error) ReadAt(Span<byte> buffer, long offset)
    {
        if (offset < 0)
        {
            return (0, "negative offset");
        }

        int total = 0;
        while (total < buffer.Length)
        {
            int n = RandomAccess.Read(_handle, buffer[total..], offset + total); // pread
            if (n == 0)
            {
                return (total, IFileReader.Eof);
            }

            total += n;
        }

        return (total, null);
    }

    public void Dispose() => _handle.Dispose();
}
