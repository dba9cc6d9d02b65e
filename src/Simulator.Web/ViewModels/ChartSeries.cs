namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>One line of a chart: y values at the given x (steps, or virtual milliseconds).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Values);
