using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Checkpoints;

/// <summary>A log a run rewinds keeps what came after, and forgets it only when the run logs something else.</summary>
public sealed class RewindableLogTests
{
    [Fact]
    public void ARewoundLogShowsOnlyItsFirstEntriesAndKnowsTheRest()
    {
        var log = Log("a", "b", "c");

        Assert.True(log.MoveTo(1));

        Assert.Equal(["a"], log);
        Assert.True(log.MoveTo(3)); // a restore ahead finds them
        Assert.Equal(["a", "b", "c"], log);
    }

    [Fact]
    public void TheSameEntryAgainMovesOnAndADifferentOneForgetsTheRest()
    {
        var log = Log("a", "b", "c");
        log.MoveTo(1);

        log.Append("b");
        Assert.True(log.MoveTo(3));
        log.MoveTo(1);
        log.Append("x");

        Assert.Equal(["a", "x"], log);
        Assert.False(log.MoveTo(3));
    }

    private static RewindableLog<string> Log(params string[] entries)
    {
        var log = new RewindableLog<string>();
        foreach (string entry in entries)
        {
            log.Append(entry);
        }

        return log;
    }
}
