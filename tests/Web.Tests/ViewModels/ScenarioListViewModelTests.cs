using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

public sealed class ScenarioListViewModelTests
{
    [Fact]
    public void EveryPresetIsListedWithALinkToItsSystemsPage()
    {
        var list = new ScenarioListViewModel();

        Assert.Equal(ScenarioCatalog.Documents.Count, list.Shown.Count);
        Assert.Equal($"{ScenarioCatalog.Documents.Count} scenarios", list.CountText);
        ScenarioEntry zipf = list.Shown.Single(e => e.Name == "keep-zipf");
        Assert.Equal(("Zipf popularity", "keep", "/keep?scenario=keep-zipf&mode=current"), (zipf.Title, zipf.System, zipf.OpenHref));
        Assert.Equal("/fuse?scenario=fuse-bug-189&mode=master", list.Shown.Single(e => e.Name == "fuse-bug-189").OpenHref); // the file's daemon, not the page's default
        Assert.Equal("/stratum?scenario=readme-case3", list.Shown.Single(e => e.Name == "readme-case3").OpenHref);
        Assert.Equal("/filestore?scenario=filestore-sequential&reader=std", list.Shown.Single(e => e.Name == "filestore-sequential").OpenHref);
    }

    [Theory]
    [InlineData("zipf", new[] { "keep-zipf" })]
    [InlineData("FUSE 189", new[] { "fuse-bug-189" })]
    [InlineData("readme case", new[] { "readme-case1", "readme-case2", "readme-case3" })]
    public void EveryWordOfASearchMustMatch(string search, string[] names)
    {
        var list = new ScenarioListViewModel { Search = search };

        Assert.Equal(names, list.Shown.Select(e => e.Name));
        Assert.Equal($"{names.Length} of {ScenarioCatalog.Documents.Count} scenarios match “{search}”", list.CountText);
    }

    [Fact]
    public void ASearchCanMatchASystem()
    {
        var list = new ScenarioListViewModel { Search = "filestore" };

        Assert.Equal(ScenarioCatalog.Documents.Count(d => d.Scenario.System == "filestore"), list.Shown.Count);
        Assert.Empty(new ScenarioListViewModel { Search = "no such thing" }.Shown);
    }
}
