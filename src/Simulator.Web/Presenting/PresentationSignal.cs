using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>What a presentation's subscribers hear: the presenter's new view (<see cref="Frame"/>), or that the answers to the quiz of <see cref="Step"/> changed.</summary>
public sealed record PresentationSignal(PresentedFrame? Frame, int? AnsweredStep);
