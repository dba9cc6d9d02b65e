using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

public sealed class ScenarioLibraryTests
{
    [Fact]
    public void TheSameTextGetsTheSameIdAndIsKeptOnce()
    {
        var library = new ScenarioLibrary();
        string text = ScenarioTexts.KeepZipf(8);

        var (first, document, problems) = library.Add(text, "mine.yaml");
        var (second, _, _) = library.Add(text, "again.yaml");

        Assert.Empty(problems);
        Assert.Matches("^u-[0-9a-f]{10}$", first);
        Assert.Equal(first, second);
        Assert.Equal(ScenarioLibrary.IdOf(text), first);
        Assert.Equal(1, library.Count);
        Assert.Equal(8, ((KeepScenario)document!.Scenario).Config.MaxBuffers);
        Assert.Same(library.Find(first!)?.Text, library.Find(first!.ToUpperInvariant())?.Text);
        Assert.NotEqual(first, library.Add(ScenarioTexts.KeepZipf(9), "other.yaml").Id);
    }

    [Fact]
    public void ALibraryKeepsAtMost200FilesAndForgetsTheOneUsedLeastRecently()
    {
        var library = new ScenarioLibrary();
        string firstId = library.Add(ScenarioTexts.KeepZipf(1), "f.yaml").Id!;
        string secondId = library.Add(ScenarioTexts.KeepZipf(2), "f.yaml").Id!;
        for (int i = 3; i <= ScenarioLibrary.MaxEntries; i++)
        {
            library.Add(ScenarioTexts.KeepZipf(i), "f.yaml");
        }

        Assert.Equal(ScenarioLibrary.MaxEntries, library.Count);
        Assert.NotNull(library.Find(firstId)); // used: now the most recent

        library.Add(ScenarioTexts.KeepZipf(ScenarioLibrary.MaxEntries + 1), "f.yaml");

        Assert.Equal(ScenarioLibrary.MaxEntries, library.Count);
        Assert.NotNull(library.Find(firstId));
        Assert.Null(library.Find(secondId));
    }

    [Fact]
    public void ABadTextIsRefusedWithEveryProblemAndNothingIsKept()
    {
        var library = new ScenarioLibrary();

        var (id, document, problems) = library.Add(ScenarioTexts.BrokenKeep(), "broken.yaml");

        Assert.Null(id);
        Assert.Null(document);
        Assert.Equal(0, library.Count);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path == "options.mode" && p.Line == 8 && p.Message.Contains("fastest", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "options.maxBuffers" && p.Line == 10);
    }

    [Fact]
    public void AFileOverOneMebibyteIsRefusedWithoutParsing()
    {
        string text = ScenarioTexts.KeepZipf(8) + "\n# " + new string('x', ScenarioLibrary.MaxTextBytes) + "\n";

        var (id, _, problems) = new ScenarioLibrary().Add(text, "big.yaml");

        Assert.Null(id);
        ScenarioProblemAssert.Single(problems, 1, 1, "the dashboard takes scenario files of at most 1,048,576");
    }

    [Theory]
    [InlineData("u-0123456789", true)]
    [InlineData("U-ABCDEF0123", true)]
    [InlineData("u-012345678", false)]
    [InlineData("keep-zipf", false)]
    [InlineData("u-0123456789x", false)]
    public void IdsHaveOneForm(string text, bool isId) => Assert.Equal(isId, ScenarioLibrary.IsId(text));
}
