namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>A mark of the lanes' time axis: where it sits (percent of the axis) and its virtual time.</summary>
public sealed record LaneTick(double Percent, string Label);
