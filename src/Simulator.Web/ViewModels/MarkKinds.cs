using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>How the timeline names and colours each kind of mark (colours are CSS variables in app.css, so a theme can restyle them).</summary>
public static class MarkKinds
{
    public static IReadOnlyList<TimelineMarkKind> All { get; } = Enum.GetValues<TimelineMarkKind>();

    /// <summary>The CSS class that colours a mark of <paramref name="kind"/> (var(--mark-mode), --mark-failure, --mark-invariant, --mark-fault).</summary>
    public static string Css(TimelineMarkKind kind) => kind switch
    {
        TimelineMarkKind.ModeChanged => "mark-mode",
        TimelineMarkKind.RequestFailed => "mark-failure",
        TimelineMarkKind.InvariantBroken => "mark-invariant",
        _ => "mark-fault",
    };

    /// <summary>The legend's words for <paramref name="kind"/>.</summary>
    public static string Name(TimelineMarkKind kind) => kind switch
    {
        TimelineMarkKind.ModeChanged => "mode changed",
        TimelineMarkKind.RequestFailed => "request or read failed",
        TimelineMarkKind.InvariantBroken => "invariant broken",
        _ => "fault",
    };
}
