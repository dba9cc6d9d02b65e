namespace BufferLab.Simulator.Web.Sessions;

/// <summary>What one viewer has been sent so far, so each frame carries only the events since the previous one.</summary>
public sealed class FrameCursor
{
    public int EventsSent { get; set; }

    public int Step { get; set; }
}
