using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>How the session layer and the hub word scenario-file problems: by line and column, since the text came from the client, not from a file on this server.</summary>
public static class ProblemText
{
    /// <summary>`line L, column C: path: message (hint: …)`.</summary>
    public static string Describe(ScenarioProblem problem) =>
        $"line {problem.Line}, column {problem.Column}: {(problem.Path.Length > 0 ? problem.Path + ": " : "")}{problem.Message}{(problem.Hint is null ? "" : $" (hint: {problem.Hint})")}";

    /// <summary>What a client sent, as a refusal may quote it: at most <paramref name="max"/> characters, and how long it was when cut (a refusal, and any log line of it, stays one short line).</summary>
    public static string Cut(string? text, int max = 64) =>
        text is null ? "" : text.Length <= max ? text : $"{text[..max]}… ({text.Length} characters)";

    /// <summary>A refusal listing every problem, one a line.</summary>
    public static string Refusal(IReadOnlyList<ScenarioProblem> problems) =>
        $"the scenario file has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:\n{string.Join('\n', problems.Select(Describe))}";
}
