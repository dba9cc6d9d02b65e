namespace BufferLab.Simulator.Cli;

/// <summary>Bad command-line input: printed on stderr (as `error: …`, or as the scenario file's problems, one per line), exit code 2, nothing else happens.</summary>
public sealed class CliException(string message, bool isProblemList = false) : Exception(message)
{
    /// <summary>The message is a list of `file:line:column: …` problems, printed as they are.</summary>
    public bool IsProblemList { get; } = isProblemList;
}
