using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>A range of pool bytes the byte map draws: a live slice, the message in progress, or a region.</summary>
public sealed record ByteSegment(int Offset, int Length, string Kind, string Label, string Title);
