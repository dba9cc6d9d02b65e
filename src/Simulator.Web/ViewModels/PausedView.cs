namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// A paused view: the step play stopped at, and how far the view has shown since (steps, and
/// virtual milliseconds for charts over time), which is the x range the charts hold while paused.
/// </summary>
public sealed record PausedView(int AtStep, int UpToStep, double UpToMs);
