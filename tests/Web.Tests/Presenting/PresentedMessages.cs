using System.Threading.Channels;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Tests.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>What a hub connection receives from the presentations it follows, in order; and a presenter's start.</summary>
internal sealed class PresentedMessages
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<PresentedFrame> _received = Channel.CreateUnbounded<PresentedFrame>();

    private PresentedMessages()
    {
    }

    /// <summary>Starts keeping the <see cref="HubPaths.Presented"/> messages <paramref name="follower"/> receives.</summary>
    public static PresentedMessages Listen(HubConnection follower)
    {
        var messages = new PresentedMessages();
        follower.On<PresentedFrame>(HubPaths.Presented, f => messages._received.Writer.TryWrite(f));
        return messages;
    }

    /// <summary>Opens README Case 3 on <paramref name="presenter"/> and presents it.</summary>
    public static async Task<(string Session, PresentationInfo Info)> PresentAsync(HubConnection presenter, ulong seed = 1)
    {
        string session = await presenter.OpenAsync(new OpenRequest("readme-case3", Seed: seed));
        return (session, await presenter.InvokeAsync<PresentationInfo>("Present", session));
    }

    /// <summary>The next message that matches (earlier ones are dropped); fails after 15 s.</summary>
    public async Task<PresentedFrame> NextAsync(Func<PresentedFrame, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            PresentedFrame frame = await _received.Reader.ReadAsync(timeout.Token);
            if (match(frame))
            {
                return frame;
            }
        }
    }
}
