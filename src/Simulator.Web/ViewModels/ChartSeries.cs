namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>One line of a chart: y values for steps 0, 1, 2, ...</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
