using BufferLab.Simulator.Web.History;

namespace BufferLab.Simulator.Web.Exports;

/// <summary>The endpoints of exports and the run history: a run as JSON, and reopening a saved run.</summary>
public static class ExportEndpoints
{
    public static IServiceCollection AddRunExports(this IServiceCollection services) => services.AddSingleton<ExportSlots>();

    public static WebApplication MapRunExports(this WebApplication app)
    {
        app.MapGet(RunExport.Path, RunExport.Handle);
        app.MapGet("/history/{id:long}/open", RunReopener.Handle);
        return app;
    }
}
