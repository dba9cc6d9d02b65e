using BufferLab.Simulator.Engine.Simulations.Filestore.Processes;
using BufferLab.Simulator.Web;

// A filestore run with reader processes starts this executable again as one of its readers.
if (args is [ReaderHost.Verb, .. var readerArgs])
{
    return ReaderHost.Main(readerArgs, Console.In, Console.Out);
}

WebApplication app = DashboardApp.Build(args);
app.Run();
return 0;
/// <summary>The app's entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
