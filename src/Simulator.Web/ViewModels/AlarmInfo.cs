namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>The first broken invariant of the run: where it happened and what broke.</summary>
public sealed record AlarmInfo(int Step, string Kind, string Detail);
