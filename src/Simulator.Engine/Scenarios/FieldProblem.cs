namespace BufferLab.Simulator.Engine.Scenarios;

/// <summary>What is wrong with one field of a scenario (its name as in scenario files), and how to fix it where that is not obvious.</summary>
public sealed record FieldProblem(string Field, string Message, string? Hint = null)
{
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>The first of <paramref name="problems"/> as one line, or null when there are none.</summary>
    public static string? FirstOf(IEnumerable<FieldProblem> problems) => problems.FirstOrDefault()?.ToString();
}
