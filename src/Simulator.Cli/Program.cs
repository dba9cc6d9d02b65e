using BufferLab.Simulator.Cli;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

// A filestore run with reader processes starts this executable again as one of its readers.
if (args is [ReaderHost.Verb, .. var readerArgs])
{
    return ReaderHost.Main(readerArgs, Console.In, Console.Out);
}

// Ctrl+C stops what runs at its next step (its files are deleted as it ends) and exits 130
// with "interrupted", instead of killing the process.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
// SIGTERM likewise: a real FUSE mount is aborted and unmounted rather than left behind.
using var terminated = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupted.Cancel();
});
FilestoreWorkspace.RemoveOrphans(); // the files of runs whose process was killed
return CliApp.Run(args, Console.Out, Console.Error, interrupted.Token);
