using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>A learner's score in teaching mode: predictions right of those checked, the current run of right ones, and the best run.</summary>
public sealed record TeachingScore(int Correct, int Attempted, int Streak, int BestStreak)
{
    public static TeachingScore Zero { get; } = new(0, 0, 0, 0);

    /// <summary>The score after one more checked prediction.</summary>
    public TeachingScore Add(bool right) => right
        ? new(Correct + 1, Attempted + 1, Streak + 1, Math.Max(BestStreak, Streak + 1))
        : new(Correct, Attempted + 1, 0, BestStreak);
}
