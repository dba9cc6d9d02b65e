using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>A problem as the editor lists it, `line L, col C — path: message (hint: …)`, and where to put the cursor.</summary>
public sealed record ProblemView(int Line, int Column, string What)
{
    public string Where => $"line {Line}, col {Column}";

    public string Text => $"{Where} — {What}";

    public static ProblemView From(ScenarioProblem p) =>
        new(p.Line, p.Column, $"{(p.Path.Length > 0 ? p.Path + ": " : "")}{p.Message}{(p.Hint is null ? "" : $" (hint: {p.Hint})")}");
}
