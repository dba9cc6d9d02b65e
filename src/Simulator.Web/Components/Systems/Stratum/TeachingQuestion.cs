using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>
/// What the learner predicts: step <see cref="Step"/> will run <see cref="Op"/> on a pool now in
/// <see cref="CurrentMode"/> with <see cref="CurrentMap"/>; a message it hands out is labelled
/// <see cref="NextLabel"/> (null when the op hands none out).
/// </summary>
public sealed record TeachingQuestion(int Step, string Op, string OpMeaning, string? NextLabel, string CurrentMap, PoolMode CurrentMode);
