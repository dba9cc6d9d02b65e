using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

public sealed class NameSuggestionTests
{
    private static readonly string[] Names = ["keep-zipf", "keep-job-start-herd", "readme-case1", "readme-case3", "fuse-mixed"];

    [Theory]
    [InlineData("keep-zpf", " (did you mean 'keep-zipf'?)")]
    [InlineData("README-CASE2", " (did you mean 'readme-case1' or 'readme-case3'?)")]
    [InlineData("herd", " (did you mean 'keep-job-start-herd'?)")]
    [InlineData("something else entirely", "")]
    public void SuggestsOnlyCloseNames(string typed, string expected) =>
        Assert.Equal(expected, NameSuggestion.DidYouMean(typed, Names));
}
