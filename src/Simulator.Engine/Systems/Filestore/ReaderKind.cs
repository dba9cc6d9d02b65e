namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Which FileReader the FileManager makes: the default (WithStdReader) or PR #665's WithMMapReader.</summary>
public enum ReaderKind
{
    Std,
    Mmap,
}
