namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors CorruptReferenceError in fsrefstore.go: the referenced bytes cannot be read back (file gone, changed, or unreadable).</summary>
public sealed class CorruptReferenceException(FilestoreStatus code, string message) : Exception(message)
{
    public FilestoreStatus Code { get; } = code;
}
