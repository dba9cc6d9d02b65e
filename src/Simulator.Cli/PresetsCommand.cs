namespace BufferLab.Simulator.Cli;

public static class PresetsCommand
{
    public static int Run(TextWriter output) => 0;
}
