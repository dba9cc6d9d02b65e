using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Tests.Filestore;

/// <summary>TestBasicFilestore's setup: a 1000-byte random file T under a root, 100 references of 10 bytes each, in a real SQLite datastore.</summary>
internal sealed class FilestoreFixture : IDisposable
{
    private readonly SqliteDatastore _datastore;

    public FilestoreFixture(ReaderKind reader)
    {
        System.IO.Directory.CreateDirectory(Root);
        Data = new byte[1000];
        new SeededRandom(7).NextBytes(Data);
        File.WriteAllBytes(FilePath, Data);
        _datastore = new SqliteDatastore(Path.Combine(Directory, "filestore.db"));
        Manager = new FileManager(_datastore, Root, FileManager.WithReader(reader)) { AllowFiles = true };
        for (int i = 0; i < 100; i++)
        {
            Cids.Add(Cid.Of(Data.AsSpan(i * 10, 10)));
            Manager.Put(new FilestoreNode(Cids[i], FilePath, (ulong)(i * 10), 10));
        }
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "bufferlab-tests", Guid.NewGuid().ToString("N"));

    public string Root => Path.Combine(Directory, "root");

    public string FilePath => Path.Combine(Root, "T");

    public byte[] Data { get; }

    public List<Cid> Cids { get; } = [];

    public FileManager Manager { get; }

    public void Truncate(long length)
    {
        using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    public void Dispose()
    {
        _datastore.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
