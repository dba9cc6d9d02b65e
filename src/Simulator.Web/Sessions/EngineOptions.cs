using System.Globalization;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// How the <see cref="EngineExecutor"/> shares the machine between sessions. Configured under
/// <c>BufferLab:Engine</c> (e.g. <c>BufferLab__Engine__Workers=2</c> in the environment).
/// </summary>
public sealed record EngineOptions
{
    public const string Section = "BufferLab:Engine";

    /// <summary>
    /// Dedicated engine threads; 0 (the default) means one fewer than the machine's cores, at
    /// least one, so a core stays for Kestrel and the Blazor circuits whatever the sessions do.
    /// </summary>
    public int Workers { get; init; }

    /// <summary>How long one session's turn runs steps before the next session with work gets the thread (at most).</summary>
    public TimeSpan Slice { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How long a round (every session with work taking one turn) should last: with more sessions
    /// than fit in it at <see cref="Slice"/>, turns shrink (to <see cref="EngineExecutor.MinSlice"/>
    /// at least), so each session moves, and its viewers get a frame, several times a second however many play.
    /// </summary>
    public TimeSpan Round { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether engine threads run at a lower priority than the request threads (a nice value of
    /// <see cref="EngineThreads.Niceness"/> on Linux), so a page or a frame is served first when the cores are busy.
    /// </summary>
    public bool LowerPriority { get; init; } = true;

    /// <summary>The threads <see cref="Workers"/> stands for on this machine.</summary>
    public int WorkerCount => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>The options under <see cref="Section"/>: <c>Workers</c>, <c>SliceMilliseconds</c>, <c>RoundMilliseconds</c>, <c>LowerPriority</c>; defaults for what is not set.</summary>
    public static EngineOptions From(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(Section);
        var defaults = new EngineOptions();
        return new EngineOptions
        {
            Workers = int.TryParse(section["Workers"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int workers) ? Math.Clamp(workers, 0, 64) : defaults.Workers,
            Slice = double.TryParse(section["SliceMilliseconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms is >= 0.1 and <= 1000
                ? TimeSpan.FromMilliseconds(ms)
                : defaults.Slice,
            Round = double.TryParse(section["RoundMilliseconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out double round) && round is >= 1 and <= 10_000
                ? TimeSpan.FromMilliseconds(round)
                : defaults.Round,
            LowerPriority = bool.TryParse(section["LowerPriority"], out bool lower) ? lower : defaults.LowerPriority,
        };
    }
}
