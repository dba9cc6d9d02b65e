namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>One problem in a scenario file: where (file, 1-based line and column, field path), what, and how to fix it.</summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message, string? Hint = null)
{
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Path.Length > 0 ? Path + ": " : "")}{Message}{(Hint is null ? "" : $" (hint: {Hint})")}";
}
