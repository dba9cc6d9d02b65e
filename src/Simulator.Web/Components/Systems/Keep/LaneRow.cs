using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>One request's lane as drawn: its phases placed as percentages of the time shown, and how it ended.</summary>
public sealed record LaneRow(int Id, string Method, string Hash, int? Status, bool Truncated, string? Error, bool Shared, IReadOnlyList<LaneBar> Bars);
