namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors filereader.go's FileReader (io.ReaderAt + io.Closer). ReadAt returns Go's (n, err): err null, "EOF", or another message.</summary>
public interface IFileReader : IDisposable
{
    const string Eof = "EOF";

    (int Read, string? Error) ReadAt(Span<byte> buffer, long offset);
}
