using BufferLab.Simulator.Web.Room;
using BufferLab.Simulator.Web.Tests.History;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BufferLab.Simulator.Web.Tests.Room;

/// <summary>
/// The dashboard in memory as one instance of a room: its Redis connection string (null: alone)
/// and name, its run history in a temporary folder (deleted afterwards).
/// </summary>
public sealed class RoomDashboard(string? redis, string instance) : WebApplicationFactory<Program>
{
    private readonly TempFolder _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("BufferLab:DataFolder", _data.Path);
        builder.UseSetting("BufferLab:Room:Instance", instance);
        if (redis is not null)
        {
            builder.UseSetting("BufferLab:Room:Redis", redis);
        }
    }

    /// <summary>Whether this instance's Redis connection can take subscriptions within <paramref name="patience"/> (what sharing needs first).</summary>
    public bool CanSubscribeWithin(TimeSpan patience)
    {
        var connection = Services.GetRequiredService<RoomConnection>();
        return SpinWait.SpinUntil(() => connection.CanSubscribe, patience);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
