using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>
/// The real dashboard on Kestrel at a free loopback port, for clients that open their own network
/// connection (the CLI's `remote`); its run history goes to a temporary folder, deleted afterwards.
/// </summary>
public sealed class LiveDashboard : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("bufferlab-live-").FullName;

    /// <summary>Where the dashboard listens, e.g. http://127.0.0.1:40123.</summary>
    public string Address { get; private set; } = "";

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("BufferLab:DataFolder", _data);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
