using BufferLab.Simulator.Web;

WebApplication app = DashboardApp.Build(args);
app.Run();
/// <summary>The app's entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
