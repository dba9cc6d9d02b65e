namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// A metric declared once: its name (upstream's where upstream has one, e.g.
/// <c>arvados_keepstore_bufferpool_inuse_buffers</c>), its UCUM unit and what it counts. Charts,
/// exports and the meter name a metric by its definition, so a metric that does not exist cannot
/// be asked for.
/// </summary>
public sealed record MetricDefinition(string Name, string Unit, string Description)
{
    public MetricValue With(double value) => new(Name, value, Unit, Description);
}
