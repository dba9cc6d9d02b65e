namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// A model whose run reaches outside memory (real files, a database, a socket pair). A checkpoint
/// copies the model's objects; the model captures and puts back, itself, what of the outside its
/// event log depends on (file lengths and contents, database rows, queued messages).
/// </summary>
public interface IOutsideState
{
    /// <summary>Whether a checkpoint may be taken now (e.g. no reader holds a file open between two steps).</summary>
    bool CanCheckpoint { get; }

    /// <summary>What of the outside the run depends on now, as an object nothing changes later.</summary>
    object CaptureOutside();

    /// <summary>Makes the outside what it was when <paramref name="outside"/> was captured; called on the restored model.</summary>
    void RestoreOutside(object outside);

    /// <summary>The run leaves this state for a checkpoint's: free what only this state holds (e.g. readers open between two steps), not what checkpoints share.</summary>
    void Abandon();
}
