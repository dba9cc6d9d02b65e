using BufferLab.Simulator.Cli;

// Ctrl+C cancels what runs (a remote --follow ends with "interrupted", exit 130) instead of killing the process.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
return CliApp.Run(args, Console.Out, Console.Error, interrupted.Token);
