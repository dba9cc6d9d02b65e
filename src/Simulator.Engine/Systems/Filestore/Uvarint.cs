namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// Unsigned LEB128 varints, as protobuf (DataObj, filestore/pb/dataobj.proto) and multiformats
/// (multihash codes and lengths, go-varint) both write them: 7 bits a byte, low first, high bit set
/// on every byte but the last.
/// </summary>
internal static class Uvarint
{
    public static void Write(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    /// <summary>The varint at <paramref name="offset"/> (which it moves past it); a truncated or overlong one is a <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static ulong Read(ReadOnlySpan<byte> bytes, ref int offset, string what)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (offset >= bytes.Length)
            {
                throw new FormatException($"{what}: a varint runs past the end");
            }

            byte b = bytes[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException($"{what}: a varint is too long");
    }
}
