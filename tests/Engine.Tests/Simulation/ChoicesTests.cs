using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Keep;

namespace BufferLab.Simulator.Engine.Tests.Simulation;

public sealed class ChoicesTests
{
    [Theory]
    [InlineData(4u << 20, "4")]
    [InlineData(1536u << 10, "1536KiB")]
    [InlineData(1_000_000u, "1000000B")]
    [InlineData(0u, "0")]
    public void FuseMessageSizesGoThroughTheQueryExactly(uint bytes, string written)
    {
        var choices = new FuseChoices(MaxMessageSize: bytes);

        Dictionary<string, string?> query = choices.ToQuery().ToDictionary(c => c.Key, c => (string?)c.Value);

        Assert.Equal(written, query["maxmsg"]);
        Assert.Equal(choices, FuseChoices.Parse(query));
    }

    [Theory]
    [InlineData("17")]
    [InlineData("17MiB")]
    [InlineData("-1")]
    [InlineData("lots")]
    public void AMessageSizePastSixteenMiBOrNotASizeIsRefused(string text)
    {
        var refused = Assert.Throws<ChoiceException>(() => FuseChoices.Parse(new Dictionary<string, string?> { ["maxmsg"] = text }));

        Assert.StartsWith("maxmsg must be a whole number of MiB from 0 to 16 (or a size such as 1536KiB)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChoiceHasATitleForPeople()
    {
        Assert.Equal([("current", "current"), ("legacy", "legacy 2017"), ("coalescing", "coalescing #10541")], KeepChoices.Modes.Choices);
        Assert.Equal("PR #198 contiguous", FuseChoices.Modes.TitleOf("contiguous-large"));
        Assert.Equal("unknown", FuseChoices.Modes.TitleOf("unknown"));
    }

    [Fact]
    public void AListOfNamesCanStartWithOthers() =>
        Assert.Equal("'none', 'current', 'legacy' or 'coalescing'", KeepChoices.Modes.ListNames("none"));
}
