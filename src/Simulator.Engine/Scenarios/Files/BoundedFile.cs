using System.Text;
using BufferLab.Simulator.Engine.Telemetry.HostMemory;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>
/// Reads a file a person named (a scenario, a trace, a script) only when it is a regular file, and
/// never more than a bound: a device such as /dev/zero would never end, and opening a named pipe
/// with no writer would wait forever. Every refusal is one <see cref="ScenarioFileException"/>
/// problem that says what the path is and what to give instead.
/// </summary>
public static class BoundedFile
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>The text of <paramref name="path"/>, checked to be a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    public static string ReadText(string path, long maxBytes)
    {
        CheckRegular(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var bytes = new byte[Math.Min(maxBytes + 1, Math.Max(stream.Length + 1, 1))];
            int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read > maxBytes || stream.ReadByte() >= 0)
            {
                throw Refused(path, $"the file has more than {maxBytes} bytes; scenario files hold at most {maxBytes}");
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, read).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(path, $"cannot read: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw Refused(path, "the file is not UTF-8 text");
        }
    }

    private static unsafe void CheckRegular(string path)
    {
        byte* buffer = stackalloc byte[256];
        if (LibC.statx(LibC.AtFdCwd, path, 0, LibC.StatxType, buffer) != 0)
        {
            throw Refused(path, "no such file");
        }

        int type = *(ushort*)(buffer + 28) & TypeMask;
        if (type != RegularFile)
        {
            throw Refused(path, type == Directory ? "a directory, not a file" : "not a regular file (a device, pipe or socket); give a scenario file");
        }
    }

    private static ScenarioFileException Refused(string path, string message) => new([new ScenarioProblem(path, 1, 1, "", message)]);
}
