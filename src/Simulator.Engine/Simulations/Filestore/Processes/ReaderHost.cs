using System.Diagnostics;
using System.Globalization;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

/// <summary>
/// The child side of a reader process: boxo's FileManager over the run's datastore and file, in a
/// process of its own, doing exactly the reads its parent asks for, one line each on stdin:
/// <c>open MULTIHASH-HEX</c> (getDataObj and the reader's open or mapping: <c>opened SIZE MICROS</c>), then
/// <c>read</c> (ReadAt, the CID check, Close: <c>done STATUS MICROS MEMORY… MESSAGE</c>, its memory
/// measured while the block is still open). A failure answers <c>done</c> at once. The times are the
/// child's own, so a read's latency does not include the pipe. EOF or <c>quit</c> ends it.
/// </summary>
public static class ReaderHost
{
    /// <summary>The first argument that makes the CLI or the dashboard's executable a reader process.</summary>
    public const string Verb = "__filestore-reader";

    /// <summary>Reads between two readings of smaps for the mapping's resident bytes (the mapping's size is the reader's own, every read).</summary>
    private const int SmapsEvery = 8;

    /// <summary>Serves one parent: ARGS are the filestore root, the datastore's path, and std or mmap.</summary>
    public static int Main(IReadOnlyList<string> args, TextReader input, TextWriter output)
    {
        if (args.Count != 3 || !FilestoreChoices.Readers.TryParse(args[2], out ReaderKind kind))
        {
            output.WriteLine($"usage: {Verb} ROOT DATASTORE std|mmap");
            return 2;
        }

        using var datastore = new SqliteDatastore(args[1]);
        var manager = new FileManager(datastore, args[0], FileManager.WithReader(kind)) { AllowFiles = true };
        OpenedBlock? open = null;
        string filePath = "";
        int reads = 0;
        long residentInMapping = 0;
        while (input.ReadLine() is { } line && line != "quit")
        {
            string[] words = line.Split(' ');
            if (words is ["open", string hex])
            {
                open?.Dispose(); // a block its parent abandoned (a run restored to a checkpoint)
                open = null;
                var timer = Stopwatch.StartNew();
                try
                {
                    var cid = new Cid(Convert.FromHexString(hex));
                    DataObj reference = manager.GetDataObj(cid);
                    open = manager.Open(cid, reference);
                    filePath = Path.Join(args[0], reference.FilePath);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"opened {reference.Size} {timer.Elapsed.TotalMicroseconds:0.0}"));
                }
                catch (Exception e) when (e is CorruptReferenceException or BlockNotFoundException or FilestoreException)
                {
                    double micros = timer.Elapsed.TotalMicroseconds;
                    output.WriteLine(Done(FilestoreErrors.StatusOf(e), micros, ReaderProcessMemory.Measure(filePath), e.Message));
                }
            }
            else if (words is ["read"] && open is not null)
            {
                FilestoreStatus status = FilestoreStatus.Ok;
                string? message = null;
                var timer = Stopwatch.StartNew();
                try
                {
                    _ = FileManager.Read(open);
                }
                catch (CorruptReferenceException e)
                {
                    (status, message) = (e.Code, e.Message);
                }

                double micros = timer.Elapsed.TotalMicroseconds;
                ReaderProcessMemory memory = ReaderProcessMemory.Measure(filePath, reads++ % SmapsEvery == 0 ? null : residentInMapping); // while the reader (and its mapping) is still open
                residentInMapping = memory.MappedResidentBytes;
                memory = memory with { MappedBytes = open.Reader is MmapReader mmap ? mmap.Length : 0 };
                open.Dispose();
                open = null;
                output.WriteLine(Done(status, micros, memory, message));
            }
            else
            {
                output.WriteLine($"error unknown or out-of-order command '{line}'");
            }

            output.Flush();
        }

        return 0;
    }

    private static string Done(FilestoreStatus status, double micros, ReaderProcessMemory memory, string? message) =>
        string.Create(CultureInfo.InvariantCulture, $"done {(int)status} {micros:0.0} {memory.Format()} {message?.ReplaceLineEndings(" ")}").TrimEnd();
}
