namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// One scalar metric of two compared runs at the moment shown: both values, their difference
/// (second minus first) and, where it means something, their ratio; texts are formatted for the page.
/// </summary>
public sealed record MetricDiffRow(string Name, string Description, string Unit, double? First, double? Second, string FirstText, string SecondText, string DiffText, string? RatioText)
{
    /// <summary>Whether the runs disagree on this metric (highlighted on the page).</summary>
    public bool Differs => First != Second;
}
