using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>
/// A checked prediction: what the learner said step <see cref="Step"/> would leave (mode, and the
/// slot map if they gave one) against what it did, and why, in words.
/// </summary>
public sealed record TeachingReveal(
    int Step,
    PoolMode PredictedMode,
    PoolMode ActualMode,
    PoolMode ModeBefore,
    string? PredictedMap,
    string ActualMap,
    string MapBefore,
    bool Right,
    string Explanation)
{
    public bool ModeRight => PredictedMode == ActualMode;

    /// <summary>Whether the predicted map was right; null when none was given.</summary>
    public bool? MapRight => PredictedMap is null ? null : PredictedMap == ActualMap;

    /// <summary>Slot positions (1-8) where the predicted map differs from the real one.</summary>
    public IReadOnlyList<int> WrongPositions => PredictedMap is null
        ? []
        : [.. Enumerable.Range(1, ActualMap.Length).Where(p => PredictedMap[p - 1] != ActualMap[p - 1])];
}
