using System.Text;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>The protobuf wire form of <see cref="DataObj"/> (FilePath = 1, Offset = 2, Size = 3), as the datastore stores it.</summary>
public static class DataObjCodec
{
    public static byte[] Encode(DataObj obj)
    {
        var bytes = new List<byte>();
        byte[] path = Encoding.UTF8.GetBytes(obj.FilePath);
        bytes.Add(1 << 3 | 2);
        Uvarint.Write(bytes, (ulong)path.Length);
        bytes.AddRange(path);
        bytes.Add(2 << 3);
        Uvarint.Write(bytes, obj.Offset);
        bytes.Add(3 << 3);
        Uvarint.Write(bytes, obj.Size);
        return [.. bytes];
    }

    /// <summary>Decodes a DataObj; unknown fields are skipped, a malformed message throws <see cref="FormatException"/>.</summary>
    public static DataObj Decode(ReadOnlySpan<byte> data)
    {
        string path = "";
        ulong offset = 0, size = 0;
        int at = 0;
        while (at < data.Length)
        {
            ulong key = Uvarint.Read(data, ref at, "DataObj");
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    ulong value = Uvarint.Read(data, ref at, "DataObj");
                    if (field == 2) { offset = value; } else if (field == 3) { size = value; }
                    break;
                case 2:
                    int length = checked((int)Uvarint.Read(data, ref at, "DataObj"));
                    if (length < 0 || at + length > data.Length)
                    {
                        throw new FormatException("DataObj: a length-delimited field runs past the end");
                    }

                    if (field == 1)
                    {
                        path = Encoding.UTF8.GetString(data.Slice(at, length));
                    }

                    at += length;
                    break;
                default:
                    throw new FormatException($"DataObj: wire type {wire} is not supported");
            }
        }

        return new DataObj(path, offset, size);
    }
}
