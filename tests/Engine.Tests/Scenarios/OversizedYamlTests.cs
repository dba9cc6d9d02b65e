using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>Files that would crash or swamp the parser are refused from their token stream, before any node is built, with the limit and the line.</summary>
public class OversizedYamlTests
{
    private const string Header = "name: n\ndescription: d\nsystem: stratum-v2\noptions:\n  capacity: 40\n";

    [Fact]
    public void SixtyThousandLevelsAreRefusedAtTheLevelPastTheLimit()
    {
        string deep = Header + "junk: " + new string('[', 60_000) + new string(']', 60_000) + "\n";

        IReadOnlyList<ScenarioProblem> problems = ScenarioFile.Validate(deep, "deep.yaml");

        ScenarioProblem problem = Assert.Single(problems);
        Assert.Equal("deep.yaml:6:38: the file nests deeper than 32 levels (hint: a scenario file needs a few levels; see scenarios/ for the shape)", problem.ToString());
    }

    [Fact]
    public void DeepBlockNestingIsRefusedToo()
    {
        var text = new System.Text.StringBuilder(Header + "junk:\n");
        for (int level = 1; level <= 40; level++)
        {
            text.Append(new string(' ', level * 2)).Append('k').Append(level).Append(":\n");
        }

        Assert.Contains("nests deeper than 32 levels", Assert.Single(ScenarioFile.Validate(text.ToString(), "f.yaml")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasesThatRepeatMoreThanAMebibyteAreRefused()
    {
        // Each level's sequence holds the previous one ten times: a few hundred bytes that would expand to gigabytes.
        var text = new System.Text.StringBuilder(Header + "a0: &a0 \"" + new string('x', 100) + "\"\n");
        for (int level = 1; level <= 9; level++)
        {
            text.Append($"a{level}: &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", 10)).Append("]\n");
        }

        ScenarioProblem problem = Assert.Single(ScenarioFile.Validate(text.ToString(), "bomb.yaml"));
        Assert.StartsWith("aliases repeat more than 1048576 bytes of the file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThan64AliasesAreRefused()
    {
        string text = Header + "v: &v 1\nlist: [" + string.Join(", ", Enumerable.Repeat("*v", 65)) + "]\n";

        Assert.Equal("the file has more than 64 aliases", Assert.Single(ScenarioFile.Validate(text, "f.yaml")).Message);
    }

    [Fact]
    public void AnOpStringRepeatedByAliasesCountsEachTime()
    {
        string ops = string.Join(' ', Enumerable.Range(1, 3000).Select(i => $"+{i}:5 -{i}"));
        string text = "name: n\ndescription: d\nsystem: stratum-v2\noptions:\n  capacity: 40\nphases:\n  - ops: &ops \"" + ops + "\"\n"
            + string.Concat(Enumerable.Repeat("  - ops: *ops\n", 63));

        Assert.StartsWith("aliases repeat more than", Assert.Single(ScenarioFile.Validate(text, "f.yaml")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPresetKeepsTheLimits()
    {
        foreach (ScenarioDocument preset in ScenarioCatalog.Documents)
        {
            Assert.Null(YamlBounds.Check(preset.Text, preset.FileName));
        }
    }
}
