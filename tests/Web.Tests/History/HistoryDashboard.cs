using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>The dashboard in memory with its run history in a temporary folder (deleted afterwards), for the history's addresses and cookie.</summary>
public sealed class HistoryDashboard : WebApplicationFactory<Program>
{
    private readonly TempFolder _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("BufferLab:DataFolder", _data.Path);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
