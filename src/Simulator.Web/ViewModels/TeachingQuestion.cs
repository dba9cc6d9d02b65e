using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// What the learner predicts: step <see cref="Step"/> will run <see cref="Op"/> on a pool now in
/// <see cref="CurrentMode"/> with <see cref="CurrentMap"/>; a message it hands out is labelled
/// <see cref="NextLabel"/> (null when the op hands none out).
/// </summary>
public sealed record TeachingQuestion(int Step, string Op, string OpMeaning, string? NextLabel, string CurrentMap, PoolMode CurrentMode);
