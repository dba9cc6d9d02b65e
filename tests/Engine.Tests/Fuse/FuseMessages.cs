using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>Real wire bytes of kernel requests, as the tests feed them to the message readers.</summary>
internal static class FuseMessages
{
    public static byte[] Read(ulong unique, ulong offset, uint size)
    {
        byte[] message = new byte[FuseWire.InHeaderSize + FuseWire.ReadInSize];
        new InHeader((uint)message.Length, FuseOpcode.Read, unique, 2, 0, 0, 1).Write(message);
        new ReadIn(1, offset, size).Write(message.AsSpan(FuseWire.InHeaderSize));
        return message;
    }

    public static byte[] Write(ulong unique, ulong offset, byte[] payload)
    {
        byte[] message = new byte[FuseWire.InHeaderSize + FuseWire.WriteInSize + payload.Length];
        new InHeader((uint)message.Length, FuseOpcode.Write, unique, 2, 0, 0, 1).Write(message);
        new ReadIn(1, offset, (uint)payload.Length).Write(message.AsSpan(FuseWire.InHeaderSize)); // write_in has read_in's layout
        payload.CopyTo(message, FuseWire.InHeaderSize + FuseWire.WriteInSize);
        return message;
    }

    /// <summary>INIT as Linux 6.18 sends it: 7.45, a 64-byte fuse_init_in (a 104-byte message), max_readahead 128 KiB, flags 0x73fffffb.</summary>
    public static byte[] Init(ulong unique)
    {
        byte[] message = new byte[FuseWire.InHeaderSize + 64];
        new InHeader((uint)message.Length, FuseOpcode.Init, unique, 0, 0, 0, 0).Write(message);
        new InitIn(7, 45, 128 << 10, 0x73fffffb).Write(message.AsSpan(FuseWire.InHeaderSize));
        return message;
    }

    /// <summary>Any request: a header with <paramref name="opcode"/> and node, then <paramref name="body"/>.</summary>
    public static byte[] Op(FuseOpcode opcode, ulong unique, ulong node, byte[] body)
    {
        byte[] message = new byte[FuseWire.InHeaderSize + body.Length];
        new InHeader((uint)message.Length, opcode, unique, node, 0, 0, 1).Write(message);
        body.CopyTo(message, FuseWire.InHeaderSize);
        return message;
    }

    public static byte[] Payload(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7))];

    /// <summary>A read(2) that returns exactly one message into a contiguous buffer.</summary>
    public static Func<byte[], int> Into(byte[] message) => storage =>
    {
        message.CopyTo(storage, 0);
        return message.Length;
    };

    /// <summary>A readv(2) that scatters one message over the blocks in order.</summary>
    public static Func<IReadOnlyList<byte[]>, int> Scatter(byte[] message) => blocks =>
    {
        int done = 0;
        foreach (byte[] block in blocks)
        {
            int take = Math.Min(block.Length, message.Length - done);
            message.AsSpan(done, take).CopyTo(block);
            done += take;
        }

        return done;
    };
}
