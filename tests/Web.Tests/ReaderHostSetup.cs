using System.Runtime.CompilerServices;
using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;

namespace BufferLab.Simulator.Web.Tests;

/// <summary>The test runner cannot start itself as a filestore reader process; the CLI beside it can.</summary>
internal static class ReaderHostSetup
{
    [ModuleInitializer]
    internal static void UseTheCli() =>
        ReaderHostCommand.Prefix = [Environment.ProcessPath!, Path.Combine(AppContext.BaseDirectory, "Simulator.Cli.dll")];
}
