namespace BufferLab.Simulator.Web.Tests.History;

/// <summary>A clock the test moves: saved runs get distinct, known times.</summary>
internal sealed class FixedTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
