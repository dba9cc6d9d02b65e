namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>A read of /dev/fuse failed with ENODEV: the file system was unmounted or its connection aborted (readMessage's io.EOF in connection.go).</summary>
public sealed class FuseUnmountedException() : Exception("/dev/fuse: ENODEV (the file system was unmounted or its connection aborted)");
