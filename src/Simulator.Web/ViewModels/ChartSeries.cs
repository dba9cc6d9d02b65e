namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// One line of a chart: y values at the given x (steps, or virtual milliseconds). <paramref name="Run"/>
/// says whose line it is when a page compares two runs (0: the page's run, 1: the compared run), so
/// every chart on the page can give each run one colour.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Values, int Run = 0);
