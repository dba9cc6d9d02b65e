namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>One line of a chart: y values at the given steps.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<int> Steps, IReadOnlyList<double> Values);
