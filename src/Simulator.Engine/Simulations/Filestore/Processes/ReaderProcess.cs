using System.Diagnostics;
using System.Globalization;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

/// <summary>
/// The parent's handle on one reader process (<see cref="ReaderHost"/>): the engine still decides
/// what is read and when (so the event log is the same as in one process); the process does the
/// open, ReadAt and close, so its RSS, mapping and faults are that reader's alone. Each call waits
/// for the answer, bounded; a process that dies or does not answer is an error that says so.
/// </summary>
[CheckpointShared]
public sealed class ReaderProcess : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ReaderCgroup? _cgroup;

    public ReaderProcess(string root, string datastore, ReaderKind kind)
    {
        var start = new ProcessStartInfo(ReaderHostCommand.Prefix[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string arg in ReaderHostCommand.Prefix.Skip(1).Concat([ReaderHost.Verb, root, datastore, FilestoreChoices.Readers.NameOf(kind)]))
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start a reader process ({string.Join(' ', start.ArgumentList)})");
        _process.ErrorDataReceived += (_, _) => { }; // drained, so a chatty runtime cannot block the child
        _process.BeginErrorReadLine();
        _cgroup = ReaderCgroup.TryCreate(_process.Id); // before its first read: the child reads only when asked
    }

    public int Pid => _process.Id;

    /// <summary>Opens the block of <paramref name="cid"/>: its size and the open's microseconds (the child's clock), or the finished read when opening failed.</summary>
    public (long Size, double Micros, ReaderProcessRead? Failed) Open(Cid cid)
    {
        string[] answer = Ask($"open {Convert.ToHexString(cid.Multihash)}");
        return answer is ["opened", string size, string micros]
            ? (long.Parse(size, CultureInfo.InvariantCulture), double.Parse(micros, CultureInfo.InvariantCulture), null)
            : (0, 0, Done(answer));
    }

    /// <summary>ReadAt, the CID check and Close of the open block.</summary>
    public ReaderProcessRead Read() => Done(Ask("read"));

    private static ReaderProcessRead Done(string[] answer)
    {
        const int Head = 3; // done, status, micros
        if (answer[0] != "done" || answer.Length < Head + ReaderProcessMemory.Fields)
        {
            throw new InvalidOperationException($"a reader process answered '{string.Join(' ', answer)}'");
        }

        string message = string.Join(' ', answer.Skip(Head + ReaderProcessMemory.Fields));
        return new ReaderProcessRead((FilestoreStatus)int.Parse(answer[1], CultureInfo.InvariantCulture), message.Length == 0 ? null : message,
            ReaderProcessMemory.Parse(answer[Head..]), double.Parse(answer[2], CultureInfo.InvariantCulture));
    }

    private string[] Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(AnswerTimeout) || line.Result is not { } answer)
        {
            throw new InvalidOperationException($"reader process {Pid} {(_process.HasExited ? $"exited ({_process.ExitCode})" : $"did not answer '{command}' within {AnswerTimeout.TotalSeconds:0} s")}");
        }

        return answer.Split(' ');
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    _process.Kill();
                }
            }
        }
        catch (IOException)
        {
            // the pipe is gone: the process has ended
        }

        _process.Dispose();
        _cgroup?.Dispose();
    }
}
