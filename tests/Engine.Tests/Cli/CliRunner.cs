using BufferLab.Simulator.Cli;

namespace BufferLab.Simulator.Engine.Tests.Cli;

/// <summary>Runs the CLI in-process, as `Simulator.Cli ARGS` would, and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) RunCli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
