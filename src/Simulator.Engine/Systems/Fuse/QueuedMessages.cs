namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>The messages a socket pair holds between two steps: requests the daemon has not read and replies the kernel has not read, each in order.</summary>
public sealed record QueuedMessages(byte[][] Requests, byte[][] Replies);
