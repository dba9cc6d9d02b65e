namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// The limits and timings of presenting (configuration section BufferLab:Presenting). A presentation
/// lives <see cref="Grace"/> past its presenter's last heartbeat, so a presenter who lost the tab (or
/// the instance) can resume it from another; followers call a presenter lost after <see cref="LostAfter"/>
/// without a heartbeat.
/// </summary>
public sealed record PresentingOptions
{
    public int MaxPresentationsPerInstance { get; init; } = 16;

    public int MaxFollowersPerPresentation { get; init; } = 1000;

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan LostAfter { get; init; } = TimeSpan.FromSeconds(6);

    public TimeSpan Grace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>An ended presentation is kept this long, so followers who look it up hear that it ended rather than that it never was.</summary>
    public TimeSpan KeepEnded { get; init; } = TimeSpan.FromMinutes(10);

    public static PresentingOptions From(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection("BufferLab:Presenting");
        var options = new PresentingOptions
        {
            MaxPresentationsPerInstance = Bounded(section, nameof(MaxPresentationsPerInstance), 16, 1, 256),
            MaxFollowersPerPresentation = Bounded(section, nameof(MaxFollowersPerPresentation), 1000, 1, 10_000),
        };
        return options;
    }

    private static int Bounded(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        string? text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, out int value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"configuration BufferLab:Presenting:{key} must be a whole number from {min} to {max}, got '{text}'");
    }
}
