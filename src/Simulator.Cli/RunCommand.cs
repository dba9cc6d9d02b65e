namespace BufferLab.Simulator.Cli;

public static class RunCommand
{
    public static int Run(CliArguments args, TextWriter output) => throw new CliException("run: coming");
}
