namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>A copy the library made, drawn as an arrow into the heap at <paramref name="X"/> percent, labelled with the bytes copied.</summary>
public sealed record MapArrow(string Id, double X, string Label, string Title, string Details);
