using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Web.Tests.Sessions;

internal static class ScenarioProblemAssert
{
    /// <summary>Exactly one problem, at <paramref name="line"/>:<paramref name="column"/>, whose message holds <paramref name="text"/>.</summary>
    public static void Single(IReadOnlyList<ScenarioProblem> problems, int line, int column, string text)
    {
        ScenarioProblem problem = Assert.Single(problems);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(text, problem.Message, StringComparison.Ordinal);
    }
}
