using System.Reflection;

namespace BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

/// <summary>
/// How a reader process is started: this process's own executable with <see cref="ReaderHost.Verb"/>
/// (the CLI and the dashboard both answer it), as `dotnet APP.dll` when it runs that way. A host
/// that cannot re-run itself (a test runner) sets <see cref="Prefix"/> to a program that can.
/// </summary>
public static class ReaderHostCommand
{
    private static IReadOnlyList<string>? _prefix;

    /// <summary>The command and arguments that come before <see cref="ReaderHost.Verb"/>.</summary>
    public static IReadOnlyList<string> Prefix
    {
        get => _prefix ??= Own();
        set => _prefix = value.Count > 0 ? value : throw new ArgumentException("a command is needed", nameof(value));
    }

    private static string[] Own()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("this process's executable is unknown; set ReaderHostCommand.Prefix");
        string? entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry is { Length: > 0 } ? [process, entry] : [process];
    }
}
