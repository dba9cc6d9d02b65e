using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>What the presenter shows now: the session, and the page and query (with the step) that open the same view.</summary>
public sealed record PresentedView(SimulationSession Session, string Path, string Query, int Step);
