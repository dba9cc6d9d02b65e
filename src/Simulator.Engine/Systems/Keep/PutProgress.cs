namespace BufferLab.Simulator.Engine.Systems.Keep;

// Mirrors services/keepstore/put_progress.go: which mounts a BlockWrite has written, the
// replication they add up to, and the storage classes still wanted. Mounts are keyed by UUID
// (upstream keys by *mount pointer; a checkpoint copies volumes, so identity would not survive it).
public sealed class PutProgress
{
    private readonly HashSet<string> _classNeeded;
    private readonly HashSet<string> _classTodo;
    private readonly Dictionary<string, bool> _mountUsed;
    private readonly SortedDictionary<string, int> _classDone;

    public PutProgress(IEnumerable<string> classes)
    {
        _classNeeded = [.. classes.Where(c => c.Length > 0)];
        _classTodo = [.. _classNeeded];
        _mountUsed = new(StringComparer.Ordinal);
        _classDone = new(StringComparer.Ordinal);
    }

    private PutProgress(PutProgress other)
    {
        _classNeeded = other._classNeeded;
        _classTodo = [.. other._classTodo];
        _mountUsed = new(other._mountUsed, StringComparer.Ordinal);
        _classDone = new(other._classDone, StringComparer.Ordinal);
        TotalReplication = other.TotalReplication;
    }

    public int TotalReplication { get; private set; }

    /// <summary>Replicas stored per storage class (the X-Keep-Storage-Classes-Confirmed header).</summary>
    public IReadOnlyDictionary<string, int> ClassDone => _classDone;

    public void Add(KeepVolume mount)
    {
        if (_mountUsed.GetValueOrDefault(mount.Uuid))
        {
            return; // upstream logs "BUG? superfluous extra write to mount"
        }

        _mountUsed[mount.Uuid] = true;
        TotalReplication += mount.Replication;
        foreach (string storageClass in mount.StorageClasses)
        {
            _classDone[storageClass] = _classDone.GetValueOrDefault(storageClass) + mount.Replication;
            _classTodo.Remove(storageClass);
        }
    }

    public void Sub(KeepVolume mount)
    {
        if (!_mountUsed.GetValueOrDefault(mount.Uuid))
        {
            return; // upstream logs "BUG? Sub called with no prior matching Add"
        }

        _mountUsed[mount.Uuid] = false;
        TotalReplication -= mount.Replication;
        foreach (string storageClass in mount.StorageClasses)
        {
            _classDone[storageClass] = _classDone.GetValueOrDefault(storageClass) - mount.Replication;
            if (_classNeeded.Contains(storageClass))
            {
                _classTodo.Add(storageClass);
            }
        }
    }

    public bool Done() => _classTodo.Count == 0 && TotalReplication > 0;

    public bool Want(KeepVolume mount)
    {
        if (Done() || _mountUsed.GetValueOrDefault(mount.Uuid))
        {
            return false;
        }

        return _classTodo.Count == 0 || mount.StorageClasses.Any(_classTodo.Contains); // none specified == "any"
    }

    public PutProgress Copy() => new(this);
}
