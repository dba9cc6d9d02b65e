namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>A folder of its own for one test's history database, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bufferlab-history-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open elsewhere; the temp folder is cleaned by the system
        }
    }
}
