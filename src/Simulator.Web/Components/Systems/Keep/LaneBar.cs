using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>A phase of a lane: its CSS class, where it starts and how wide it is (percent of the time axis), and its tooltip.</summary>
public sealed record LaneBar(string Phase, double LeftPercent, double WidthPercent, string Title);
