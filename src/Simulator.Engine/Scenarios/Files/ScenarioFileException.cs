namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>A scenario file that cannot run, with every problem found in it.</summary>
public sealed class ScenarioFileException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}
