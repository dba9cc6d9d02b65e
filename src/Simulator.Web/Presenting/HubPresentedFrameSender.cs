using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>Sends frames to the presentation's group on the simulation hub: with the Redis backplane, one publish reaches the followers on every instance.</summary>
public sealed class HubPresentedFrameSender(IHubContext<SimulationHub> hub) : IPresentedFrameSender
{
    public static string GroupOf(string code) => "presentation:" + code;

    public async Task SendAsync(PresentedFrame frame)
    {
        try
        {
            await hub.Clients.Group(GroupOf(frame.Code)).SendAsync(HubPaths.Presented, frame).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            // The backplane delivered to this instance's followers, then could not publish to the others.
            throw new PresentingUnavailableException($"presenting reaches only this instance's followers: the room's Redis does not answer ({e.Message.Split('\n')[0]})", e);
        }
    }
}
