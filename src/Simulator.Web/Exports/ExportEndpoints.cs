namespace BufferLab.Simulator.Web.Exports;

/// <summary>The endpoints of exports: a run as JSON. (A saved run's link, /history/{token}, is the SavedRunLink page.)</summary>
public static class ExportEndpoints
{
    public static IServiceCollection AddRunExports(this IServiceCollection services) => services.AddSingleton<ExportSlots>();

    public static WebApplication MapRunExports(this WebApplication app)
    {
        app.MapGet(RunExport.Path, RunExport.Handle);
        return app;
    }
}
