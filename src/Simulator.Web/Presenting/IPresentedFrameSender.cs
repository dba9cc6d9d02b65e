using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>Sends a presentation's frame to its hub followers (a SignalR group: through the Redis backplane when the instances share one).</summary>
public interface IPresentedFrameSender
{
    Task SendAsync(PresentedFrame frame);
}
