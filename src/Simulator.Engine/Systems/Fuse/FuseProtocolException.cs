namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>A malformed or short message, or a kernel rule broken: what ReadOp returns as an error (and ServeOps would panic on).</summary>
public sealed class FuseProtocolException(string message) : Exception(message);
