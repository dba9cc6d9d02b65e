using System.Buffers.Binary;

namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>Sizes and little-endian field access of the FUSE wire structs (fuse_kernel.go, include/uapi/linux/fuse.h).</summary>
public static class FuseWire
{
    public const int InHeaderSize = 40;
    public const int OutHeaderSize = 16;
    public const int ReadInSize = 40;
    public const int WriteInSize = 40;
    public const int WriteOutSize = 8;
    /// <summary>fuse_init_in as jacobsa/fuse consumes it (major, minor, max_readahead, flags).</summary>
    public const int InitInSize = 16;

    /// <summary>fuse_init_in as a 7.36+ kernel sends it: the 16 bytes, flags2, 11 unused words.</summary>
    public const int KernelInitInSize = 64;
    public const int InitOutSize = 64;

    /// <summary>FUSE_MIN_READ_BUFFER: the kernel refuses reads into smaller buffers.</summary>
    public const int MinReadBuffer = 8192;

    public const int MiB = 1 << 20;

    public static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);

    public static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    public static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);

    public static void Put(Span<byte> b, int at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(b[at..], v);

    public static void Put(Span<byte> b, int at, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(b[at..], v);

    public static void Put(Span<byte> b, int at, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(b[at..], v);
}
