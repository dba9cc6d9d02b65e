namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>A plain error of boxo's filestore (not enabled, a path outside the root, an HTTP failure before any status).</summary>
public sealed class FilestoreException(string message) : Exception(message);
