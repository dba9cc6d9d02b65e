using System.Collections.Concurrent;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Presenting;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>Keeps what a presentation sent its hub group, in order (the hub's sender needs a running hub).</summary>
public sealed class CollectingFrameSender : IPresentedFrameSender
{
    public ConcurrentQueue<PresentedFrame> Sent { get; } = new();

    public Task SendAsync(PresentedFrame frame)
    {
        Sent.Enqueue(frame);
        return Task.CompletedTask;
    }
}
