using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulations.Filestore;
using BufferLab.Simulator.Web.Components;
using BufferLab.Simulator.Web.Exports;
using BufferLab.Simulator.Web.History;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Layout;
using BufferLab.Simulator.Web.Hubs;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Room;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using OpenTelemetry.Metrics;
using MudBlazor.Services;

namespace BufferLab.Simulator.Web;

/// <summary>Builds the dashboard: Blazor Server pages, the simulation hub, and the static files they need.</summary>
public static class DashboardApp
{
    /// <summary>Where the dashboard listens when no --urls / ASPNETCORE_URLS is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5180";

    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

        // Package assets (_content/MudBlazor/...) from a plain `dotnet run`, which is Production (STACK.md).
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // A closed tab's circuit (and the session its page holds) is kept 30 s, not 3 minutes:
        // the URL carries the view's state, so reopening loses nothing, and sessions stay bounded.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(30));
        builder.Services.AddMudServices();
        builder.Services.AddScoped<ThemeState>();
        builder.Services.AddScoped<RunOwner>();
        // Per circuit: the system page open in it (for the controls every page shares) and its
        // keyboard shortcuts, cascaded so a component rendered on its own simply goes without.
        builder.Services.AddScoped<SessionPageContext>();
        builder.Services.AddScoped<ShortcutRegistry>();
        builder.Services.AddCascadingValue(sp => sp.GetRequiredService<SessionPageContext>());
        builder.Services.AddCascadingValue(sp => sp.GetRequiredService<ShortcutRegistry>());
        // Hub messages stay small (32 KiB) except the simulation hub's, whose Open may carry a
        // scenario file: as big as the library takes, doubled for JSON escapes (newlines, quotes).
        builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 32 * 1024)
            .AddHubOptions<SimulationHub>(options => options.MaximumReceiveMessageSize = (2 * ScenarioLibrary.MaxTextBytes) + (64 * 1024));
        builder.Services.AddSingleton<ScenarioLibrary>();
        // The one real FUSE mount the server runs at a time (/fuse/mount).
        builder.Services.AddSingleton(_ => new RealMountRunner());
        // Every open session's metrics on the meter BufferLab.Simulator (dotnet-counters), and as
        // Prometheus text at /metrics through OpenTelemetry.
        builder.Services.AddSingleton<SimulationMeter>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(SimulationMeter.MeterName).AddPrometheusExporter());
        // Every session's play runs on a few engine threads of its own (BufferLab:Engine), not the thread pool.
        builder.Services.AddSingleton(s => new EngineExecutor(EngineOptions.From(builder.Configuration), s.GetService<ILogger<EngineExecutor>>()));
        // Read now, not when the first session opens: a bad budget stops the start with a clear error.
        builder.Services.AddSingleton(CheckpointOptions.From(builder.Configuration));
        builder.Services.AddSingleton<SessionRegistry>();
        builder.Services.AddRunHistory(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRunExports();
        // Several instances behind a balancer, sharing through Redis, when BufferLab:Room:Redis is set (Room/).
        builder.AddRoom();
        // Presenting a session to a room (/follow/CODE): in memory, or in Redis for a room of instances.
        builder.Services.AddPresenting(builder.Configuration);

        // A stopped server's sessions stop at their next step and delete their files; a killed
        // one's files are removed at the next start.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        FilestoreWorkspace.RemoveOrphans();
        WebApplication app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<SessionRegistry>().Dispose());
        // A mount running when the server stops is aborted and unmounted, not left behind.
        app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<RealMountRunner>().Dispose());
        app.UseRoom();
        ServeNpmPackage(app, "@microsoft/signalr/dist/browser", "/lib/signalr");
        ServeNpmPackage(app, "html-to-image/dist", "/lib/html-to-image");
        // An address no page or endpoint answers: the NotFound page, with status 404.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHub<SimulationHub>(SimulationHub.Path);
        app.MapGet(ScenarioDownload.Path, ScenarioDownload.Handle);
        app.MapRunExports();
        app.MapPrometheusScrapingEndpoint();
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app));
        return app;
    }

    /// <summary>Serves one npm package's dist folder (restored by the build into node_modules), nothing else of node_modules.</summary>
    private static void ServeNpmPackage(WebApplication app, string package, string requestPath)
    {
        string folder = Path.Combine(app.Environment.ContentRootPath, "node_modules", package);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{folder} is missing: run `npm ci` in {app.Environment.ContentRootPath} (the build does this) before starting the dashboard.");
        }

        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = requestPath });
    }

    private static void PrintAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (string address in addresses)
        {
            Console.WriteLine($"Buffer Lab dashboard: {address}");
        }
    }
}
