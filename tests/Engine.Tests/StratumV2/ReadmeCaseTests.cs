using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.StratumV2;

/// <summary>buffer_sv2 README Cases 1-3 as slot-map text, step by step, through the faithful engine.</summary>
public class ReadmeCaseTests
{
    private static string[] SlotMapTexts(string preset)
    {
        var run = new Run(ScenarioCatalog.Find(preset)!, seed: 1);
        var texts = new List<string> { ((Sv2Snapshot)run.Model.Snapshot()).SlotMapText };
        while (run.StepOnce())
        {
            texts.Add(((Sv2Snapshot)run.Model.Snapshot()).SlotMapText);
        }

        return [.. texts];
    }

    [Fact]
    public void ReadmeCase1FillsTheBackThenFallsToTheHeap()
    {
        Assert.Equal(
        [
            "-------- BACK MODE", "1------- BACK MODE", "12------ BACK MODE", "123----- BACK MODE", "1234---- BACK MODE",
            "12345--- BACK MODE", "123456-- BACK MODE", "1234567- BACK MODE", "12345678 BACK MODE",
            "12345678 SWITCH TO ALLOC MODE", "12345678 ALLOC MODE",
        ], SlotMapTexts("readme-case1"));
    }

    [Fact]
    public void ReadmeCase2ResetsInsideTheNextGetWritable()
    {
        string[] texts = SlotMapTexts("readme-case2");
        Assert.Equal(["12345678 BACK MODE", "-------- BACK MODE", "9------- BACK MODE", "9a------ BACK MODE"], texts[8..]);
    }

    [Fact]
    public void ReadmeCase3EndsAt9a3456bcNotTheReadmesA93456bc()
    {
        string[] texts = SlotMapTexts("readme-case3");
        Assert.Equal(
        [
            "12345678 BACK MODE", "--345678 BACK MODE", "9-345678 SWITCH TO FRONT MODE", "9a345678 FRONT MODE",
            "9a3456-- FRONT MODE", "9a3456b- SWITCH TO BACK MODE", "9a3456bc BACK MODE",
        ], texts[8..]);
    }

    [Theory]
    [InlineData("readme-case1", new int[0])]
    [InlineData("readme-case2", new int[0])]
    [InlineData("readme-case3", new[] { 10, 11, 12, 13, 14 })]
    public void DocumentedSlotMapsDifferFromTheCodeExactlyWhereTheSpecSays(string preset, int[] differing)
    {
        var scenario = (Sv2Scenario)ScenarioCatalog.Find(preset)!;
        string[] actual = SlotMapTexts(preset);

        Assert.Equal(actual.Length, scenario.Documented.Count);
        Assert.Equal(differing, scenario.Documented.Where(d => d.Text[..8] != actual[d.Step][..8]).Select(d => d.Step).ToArray());
    }
}
