namespace BufferLab.Simulator.Cli;

/// <summary>
/// Bad command-line input: printed on stderr (as `error: …`, or as the scenario file's problems, one
/// per line), exit code 2, nothing else happens. A failure that is not the input's (a dashboard that
/// cannot be reached) carries exit code 1.
/// </summary>
public sealed class CliException(string message, bool isProblemList = false, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The message is a list of `file:line:column: …` problems, printed as they are.</summary>
    public bool IsProblemList { get; } = isProblemList;
}
