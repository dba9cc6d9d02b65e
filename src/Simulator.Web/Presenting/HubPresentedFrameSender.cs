using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>Sends frames to the presentation's group on the simulation hub: with the Redis backplane, one publish reaches the followers on every instance.</summary>
public sealed class HubPresentedFrameSender(IHubContext<SimulationHub> hub) : IPresentedFrameSender
{
    public static string GroupOf(string code) => "presentation:" + code;

    public Task SendAsync(PresentedFrame frame) => hub.Clients.Group(GroupOf(frame.Code)).SendAsync(HubPaths.Presented, frame);
}
