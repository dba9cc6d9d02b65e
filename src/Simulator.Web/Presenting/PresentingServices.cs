using BufferLab.Simulator.Web.Room;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>Registers presenting: in this instance's memory, or in Redis when the room gave the app a connection to it.</summary>
public static class PresentingServices
{
    public static IServiceCollection AddPresenting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PresentingOptions.From(configuration));
        services.AddSingleton<IPresentationStore>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis ? new RedisPresentationStore(redis) : new MemoryPresentationStore());
        services.AddSingleton<IPresentedFrameSender, HubPresentedFrameSender>();
        services.AddSingleton(sp => new PresentingService(sp.GetRequiredService<IPresentationStore>(), sp.GetRequiredService<IPresentedFrameSender>(),
            sp.GetRequiredService<PresentingOptions>(), sp.GetService<RoomOptions>()?.Instance ?? "solo"));
        services.AddScoped<PresentingCircuit>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, PresentingCircuitHandler>();
        return services;
    }
}
