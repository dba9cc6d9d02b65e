namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>A band between two rows of the message map: bytes at [TopX, TopX + TopWidth) above are the bytes at [BottomX, BottomX + BottomWidth) below (percent of the width).</summary>
public sealed record MapBand(double TopX, double TopWidth, double BottomX, double BottomWidth, string Kind);
