namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>One row of a chart's table: an x value and each line's y there (null where that line has no point).</summary>
public sealed record ChartTableRow(double X, IReadOnlyList<double?> Values);
