using BufferLab.Simulator.Web;

WebApplication app = DashboardApp.Build(args);
app.Run();
