using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Web.Components.Systems.Stratum;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

/// <summary>Teaching mode on the Stratum page: predict, step, score; README Case 3 turns Back → Front at step 10 and Front → Back at step 13.</summary>
public sealed class TeachingTests : IDisposable
{
    private readonly SessionRegistry _registry = new();

    private StratumViewModel Open(string step)
    {
        var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "readme-case3", ["seed"] = "1", ["step"] = step, ["teach"] = "1" });
        return vm;
    }

    [Fact]
    public void TheQuestionNamesTheNextOpAndTheLabelItHandsOut()
    {
        using var vm = Open("9");

        Assert.True(vm.Teaching.On);
        Assert.Contains("teach=1", vm.QueryString, StringComparison.Ordinal);
        TeachingQuestion question = vm.Question!;
        Assert.Equal((10, "+9:5", "9", "--345678", PoolMode.Back), (question.Step, question.Op, question.NextLabel, question.CurrentMap, question.CurrentMode));
        Assert.Equal("get_writable then get_data_owned", question.OpMeaning);
    }

    [Fact]
    public void ARightPredictionOfBackToFrontAtStep10Scores()
    {
        using var vm = Open("9");
        vm.Teaching.ChooseMode(PoolMode.Front);
        Assert.True(vm.Teaching.SetMapGuess("9-345678"));

        vm.Reveal();

        Assert.Equal(10, vm.Step);
        TeachingReveal reveal = vm.Teaching.RevealNow!;
        Assert.True(reveal.Right);
        Assert.True(reveal.ModeRight);
        Assert.True(reveal.MapRight);
        Assert.Equal((PoolMode.Back, PoolMode.Front), (reveal.ModeBefore, reveal.ActualMode));
        Assert.Contains("Back → Front (edge 4)", reveal.Explanation, StringComparison.Ordinal);
        Assert.Contains("+9:5", reveal.Explanation, StringComparison.Ordinal);
        Assert.Equal(new TeachingScore(1, 1, 1, 1), vm.Teaching.Score);
        Assert.Null(vm.Teaching.PredictedMode); // the next step needs a new prediction
    }

    [Fact]
    public void ARightPredictionOfFrontToBackAtStep13Scores()
    {
        using var vm = Open("12");
        vm.Teaching.ChooseMode(PoolMode.Back);
        vm.Teaching.SetMapGuess("9A3456B-"); // upper case is the same label

        vm.Reveal();

        Assert.Equal(13, vm.Step);
        Assert.True(vm.Teaching.RevealNow!.Right);
        Assert.Contains("Front → Back (edge 7)", vm.Teaching.RevealNow.Explanation, StringComparison.Ordinal);
        Assert.Equal(1, vm.Teaching.Score.Correct);
    }

    [Fact]
    public void AWrongPredictionCountsWrongAndBreaksTheStreak()
    {
        using var vm = Open("9");
        vm.Teaching.ChooseMode(PoolMode.Front);
        vm.Reveal();
        vm.Teaching.ChooseMode(PoolMode.Alloc); // step 11 stays in Front
        vm.Reveal();

        TeachingReveal reveal = vm.Teaching.RevealNow!;
        Assert.False(reveal.Right);
        Assert.False(reveal.ModeRight);
        Assert.Contains("No edge fired: the pool stays in Front mode.", reveal.Explanation, StringComparison.Ordinal);
        Assert.Equal(new TeachingScore(1, 2, 0, 1), vm.Teaching.Score);
    }

    [Fact]
    public void TheRightModeWithAWrongMapIsWrongAndSaysWhere()
    {
        using var vm = Open("9");
        vm.Teaching.ChooseMode(PoolMode.Front);
        vm.Teaching.SetMapGuess("-9345678"); // the upstream README's (wrong) map

        vm.Reveal();

        TeachingReveal reveal = vm.Teaching.RevealNow!;
        Assert.True(reveal.ModeRight);
        Assert.False(reveal.MapRight);
        Assert.False(reveal.Right);
        Assert.Equal([1, 2], reveal.WrongPositions);
        Assert.Equal(new TeachingScore(0, 1, 0, 0), vm.Teaching.Score);
    }

    [Fact]
    public void TheScoreResets()
    {
        using var vm = Open("9");
        vm.Teaching.ChooseMode(PoolMode.Back);
        vm.Reveal();
        Assert.Equal(1, vm.Teaching.Score.Attempted);

        vm.Teaching.ResetScore();

        Assert.Equal(TeachingScore.Zero, vm.Teaching.Score);
        Assert.Null(vm.Teaching.RevealNow);
    }

    [Fact]
    public void NothingRunsWithoutAPredictedModeAndABadMapIsRefused()
    {
        using var vm = Open("9");
        vm.Reveal();
        Assert.Equal(9, vm.Step);

        Assert.False(vm.Teaching.SetMapGuess("12345"));
        Assert.Contains("8 characters", vm.Teaching.MapError, StringComparison.Ordinal);
        Assert.Equal("", vm.Teaching.MapGuess);
        Assert.False(vm.Teaching.SetMapGuess("1234567!"));
    }

    [Fact]
    public void TheStepButtonChecksAPredictionButAJumpDropsIt()
    {
        using var vm = Open("9");
        vm.Teaching.ChooseMode(PoolMode.Front);
        vm.StepForward(); // the Step button or the → key
        Assert.Equal(1, vm.Teaching.Score.Correct);

        vm.Teaching.ChooseMode(PoolMode.Front);
        vm.SeekTo(13);
        Assert.Null(vm.Teaching.PredictedMode);
        Assert.Equal(1, vm.Teaching.Score.Attempted);
        Assert.Null(vm.Teaching.RevealNow);
    }

    [Fact]
    public void ClickingACellCyclesItThroughNowFreeAndTheNewLabel()
    {
        using var vm = Open("9");
        TeachingQuestion question = vm.Question!;

        vm.Teaching.CycleCell(1, question); // '-' now: next is the new message's label
        Assert.Equal("9-345678", vm.Teaching.MapGuess);
        vm.Teaching.CycleCell(3, question); // '3' → free
        Assert.Equal("9--45678", vm.Teaching.MapGuess);
        vm.Teaching.CycleCell(3, question); // free → '9'
        vm.Teaching.CycleCell(3, question); // '9' → back to '3'
        Assert.Equal("9-345678", vm.Teaching.MapGuess);
    }

    [Fact]
    public void WorksOnARandomWorkloadAndEndsAtTheLastStep()
    {
        using var vm = new StratumViewModel(_registry);
        vm.Load(new Dictionary<string, string?> { ["scenario"] = "random", ["seed"] = "5", ["teach"] = "1" });
        TeachingQuestion question = vm.Question!;
        Assert.NotEqual("?", question.Op);

        vm.Teaching.ChooseMode(PoolMode.Back);
        vm.Reveal();
        Assert.Equal(1, vm.Teaching.Score.Attempted);

        vm.SeekTo(vm.LastStep);
        Assert.Null(vm.Question);
    }

    public void Dispose() => _registry.Dispose();
}
