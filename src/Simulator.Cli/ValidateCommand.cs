using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Cli;

/// <summary>`validate FILE...`: checks scenario files without running them; one line per file that is fine, one per problem otherwise.</summary>
public static class ValidateCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        if (args.Positional.Count == 0)
        {
            throw new CliException("usage: validate FILE...");
        }

        var problems = new List<string>();
        foreach (string path in args.Positional)
        {
            try
            {
                ScenarioDocument document = ScenarioFile.Load(path);
                output.WriteLine($"{path}: ok ({document.Name}, {document.Scenario.System}{(document.Seed is { } seed ? $", seed {seed}" : "")}{(document.IsTrace ? ", trace" : "")})");
            }
            catch (ScenarioFileException e)
            {
                problems.AddRange(e.Problems.Select(p => p.ToString()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{path}: cannot read: {e.Message}");
            }
        }

        return problems.Count == 0 ? 0 : throw new CliException(string.Join('\n', problems), isProblemList: true);
    }
}
