using System.Globalization;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// What `room` measures, from its command line, every count and duration bounded:
/// <c>--followers 50,100,300</c> (the table's follower counts, 1 to <see cref="MaxFollowers"/>, at most
/// <see cref="MaxCounts"/> of them), <c>--seconds 20</c> (stepping per configuration, 5 to 120) and
/// <c>--only one,three,ramp,kill</c> (which parts run; all by default).
/// </summary>
internal sealed record RoomHarnessOptions(IReadOnlyList<int> Followers, int Seconds, IReadOnlySet<string> Parts)
{
    /// <summary>The app's MaxFollowersPerPresentation: no configuration asks for more.</summary>
    public const int MaxFollowers = 1000;

    public const int MaxCounts = 8;

    public const int MinSeconds = 5, MaxSeconds = 120;

    /// <summary>The follower counts on 1 instance (rows of the table, 1 instance).</summary>
    public const string One = "one";

    /// <summary>The follower counts on 3 instances.</summary>
    public const string Three = "three";

    /// <summary>Followers on 1 instance, more each time, until p99 passes <see cref="RoomHarness.LatencyTargetMs"/>.</summary>
    public const string Ramp = "ramp";

    /// <summary>One of 3 instances killed while 300 follow.</summary>
    public const string Kill = "kill";

    public static readonly IReadOnlyList<string> AllParts = [One, Three, Ramp, Kill];

    public bool Runs(string part) => Parts.Contains(part);

    /// <summary>The options after the verb; a bad one is an <see cref="ArgumentException"/> that says what is wrong and what is allowed.</summary>
    public static RoomHarnessOptions Parse(IReadOnlyList<string> args)
    {
        IReadOnlyList<int> followers = [50, 100, 300];
        int seconds = 20;
        IReadOnlySet<string> parts = new HashSet<string>(AllParts, StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name == "room")
            {
                continue;
            }

            if (name is not ("--followers" or "--seconds" or "--only"))
            {
                throw new ArgumentException($"room: unknown option '{name}'; it takes --followers N,N,... --seconds S --only {string.Join(',', AllParts)}");
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"room: {name} needs a value");
            }

            string value = args[++i];
            switch (name)
            {
                case "--followers":
                    followers = Counts(value);
                    break;
                case "--seconds":
                    seconds = Whole(value, "--seconds", MinSeconds, MaxSeconds);
                    break;
                default:
                    parts = PartsOf(value);
                    break;
            }
        }

        return new RoomHarnessOptions(followers, seconds, parts);
    }

    private static int[] Counts(string text)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length > MaxCounts)
        {
            throw new ArgumentException($"room: --followers takes at most {MaxCounts} counts, got {items.Length}");
        }

        return [.. items.Select(item => Whole(item, "--followers", 1, MaxFollowers)).Distinct().Order()];
    }

    private static HashSet<string> PartsOf(string text)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!AllParts.Contains(part))
            {
                throw new ArgumentException($"room: --only takes {string.Join(", ", AllParts)} (comma-separated), got '{part}'");
            }

            parts.Add(part);
        }

        return parts;
    }

    private static int Whole(string text, string option, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"room: {option} takes whole numbers from {min} to {max}, got '{text}'");
}
