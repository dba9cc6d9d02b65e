namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>A Go panic of jacobsa/fuse (e.g. OutMessage.ShrinkTo out of range).</summary>
public sealed class FusePanicException(string message) : Exception(message);
