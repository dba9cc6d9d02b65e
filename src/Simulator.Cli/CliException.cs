namespace BufferLab.Simulator.Cli;

/// <summary>Bad command-line input: printed as one line, exit code 2, nothing else happens.</summary>
public sealed class CliException(string message) : Exception(message);
