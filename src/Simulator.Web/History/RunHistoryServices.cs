namespace BufferLab.Simulator.Web.History;

/// <summary>Registers the run history (its options from configuration, and the store).</summary>
public static class RunHistoryServices
{
    public static IServiceCollection AddRunHistory(this IServiceCollection services, IConfiguration configuration, string contentRoot) =>
        services.AddSingleton(RunHistoryOptions.From(configuration, contentRoot)).AddSingleton(s => new RunHistoryStore(s.GetRequiredService<RunHistoryOptions>()));
}
