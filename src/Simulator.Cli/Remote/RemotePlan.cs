using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Cli.Remote;

/// <summary>What one `remote` command asks of the hub, checked before anything is sent.</summary>
internal sealed record RemotePlan(Uri Hub, OpenRequest Request)
{
    public double? Speed { get; init; }

    public int? Steps { get; init; }

    public int? Seek { get; init; }

    public bool SeekToEnd { get; init; }

    public int? Backs { get; init; }

    public bool Play { get; init; }

    public bool Follow { get; init; }

    public int? Frames { get; init; }

    public int? Seconds { get; init; }
}
