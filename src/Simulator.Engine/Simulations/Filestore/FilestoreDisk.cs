using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Systems.Filestore;
using Microsoft.Win32.SafeHandles;

namespace BufferLab.Simulator.Engine.Simulations.Filestore;

/// <summary>
/// A filestore run's world outside memory: the sparse file on disk and the datastore's references
/// to its chunks, with a record of which chunks each holds now. A run and all its checkpoints share
/// it; a restore makes it hold what the checkpoint's step needs (<see cref="Restore"/>).
/// </summary>
[CheckpointShared]
internal sealed class FilestoreDisk : IDisposable
{
    private readonly FileStream _file;
    private readonly SqliteDatastore _datastore;
    private readonly int _chunkBytes;

    // What the disk holds now, whatever step the run is at: chunks whose bytes the file has, and
    // chunks the datastore references. Both are the machine's, so a comparison with a replay skips them.
    [MachineValue]
    private readonly HashSet<int> _inFile = [];
    [MachineValue]
    private readonly Dictionary<int, Cid> _referenced = [];

    public FilestoreDisk(string workingDirectory, long fileBytes, int chunkBytes, ReaderKind reader)
    {
        _chunkBytes = chunkBytes;
        string root = Root = Path.Combine(workingDirectory, "root");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        FilePath = Path.Combine(root, "data", "blocks.bin");
        _file = new FileStream(FilePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        _file.SetLength(fileBytes); // sparse: no block is allocated until written
        _datastore = new SqliteDatastore(DatastorePath = Path.Combine(workingDirectory, "filestore.db"));
        Manager = new FileManager(_datastore, root, FileManager.WithReader(reader)) { AllowFiles = true };
    }

    [field: MachineValue]
    public string FilePath { get; }

    /// <summary>The filestore's root (references name files under it).</summary>
    [field: MachineValue]
    public string Root { get; }

    [field: MachineValue]
    public string DatastorePath { get; }

    public FileManager Manager { get; }

    public SafeFileHandle Handle => _file.SafeFileHandle;

    public long Length => _file.Length;

    /// <summary>pwrite of a chunk into the sparse file, then its reference into the datastore.</summary>
    public void Write(int chunk, byte[] data, Cid cid)
    {
        long offset = (long)chunk * _chunkBytes;
        RandomAccess.Write(_file.SafeFileHandle, data, offset);
        _inFile.Add(chunk);
        Manager.Put(new FilestoreNode(cid, FilePath, (ulong)offset, (ulong)data.Length));
        _referenced[chunk] = cid;
    }

    /// <summary>Cuts the file to <paramref name="length"/>; chunks past it lose their bytes (the references stay, as upstream's do).</summary>
    public void Truncate(long length)
    {
        _file.SetLength(length);
        _inFile.RemoveWhere(chunk => ((long)chunk + 1) * _chunkBytes > length);
    }

    public void Flush() => _file.Flush(flushToDisk: true);

    /// <summary>
    /// Makes the disk what a run restored to a checkpoint depends on: the file <paramref name="length"/>
    /// long, holding every chunk of <paramref name="written"/> that fits (rewritten from
    /// <paramref name="dataOf"/> if missing), and references to exactly those chunks. Chunks written
    /// later may stay in the file: no reference leads a reader to them.
    /// </summary>
    public void Restore(long length, IReadOnlyDictionary<int, Cid> written, Func<int, byte[]> dataOf)
    {
        if (length < _file.Length)
        {
            Truncate(length);
        }
        else if (length > _file.Length)
        {
            _file.SetLength(length);
        }

        foreach ((int chunk, Cid cid) in written)
        {
            if (!_inFile.Contains(chunk) && ((long)chunk + 1) * _chunkBytes <= length)
            {
                RandomAccess.Write(_file.SafeFileHandle, dataOf(chunk), (long)chunk * _chunkBytes);
                _inFile.Add(chunk);
            }

            if (!_referenced.ContainsKey(chunk))
            {
                Manager.Put(new FilestoreNode(cid, FilePath, (ulong)((long)chunk * _chunkBytes), (ulong)_chunkBytes));
                _referenced[chunk] = cid;
            }
        }

        foreach (int chunk in _referenced.Keys.Where(c => !written.ContainsKey(c)).ToList())
        {
            Manager.DeleteBlock(_referenced[chunk]);
            _referenced.Remove(chunk);
        }
    }

    public void Dispose()
    {
        _datastore.Dispose();
        _file.Dispose();
    }
}
