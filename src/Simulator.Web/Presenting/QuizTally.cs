namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// The room's answers to one step's quiz, with no names: how many predicted each mode, how many
/// also predicted the slot map, and (once the step ran) how many were right.
/// </summary>
public sealed record QuizTally(int Step, IReadOnlyList<(string Mode, int Count)> Modes, int WithMap, IReadOnlyList<QuizAnswer> Answers)
{
    /// <summary>The modes a Stratum pool can be in, in the order the quiz shows them.</summary>
    public static readonly IReadOnlyList<string> ModeNames = ["Back", "Front", "Alloc"];

    public int Total => Answers.Count;

    public static QuizTally Of(int step, IReadOnlyList<QuizAnswer> answers) =>
        new(step, [.. ModeNames.Select(m => (m, answers.Count(a => a.Mode == m)))], answers.Count(a => a.Map is not null), answers);

    /// <summary>How many answers the real step proves right: the mode, and the map where one was given.</summary>
    public int RightFor(string mode, string map) => Answers.Count(a => a.Mode == mode && (a.Map is null || a.Map == map));

    public int Largest => Modes.Max(m => m.Count);
}
