using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Tests.Hubs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>Presenting through the hub, with the SignalR .NET client against the real app (in memory: one instance).</summary>
public sealed class PresentingHubTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task AFollowerByShortCodeReceivesThePresentersStepsWithTheirFrames()
    {
        await using HubConnection presenter = await HubClient.ConnectAsync(factory);
        await using HubConnection follower = await HubClient.ConnectAsync(factory);
        (string session, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter, seed: 7);
        PresentedMessages received = PresentedMessages.Listen(follower);

        PresentedFrame first = await follower.InvokeAsync<PresentedFrame>("Follow", info.ShortCode.ToLowerInvariant().Insert(3, " "));
        await presenter.InvokeAsync("Step", session, 3);
        PresentedFrame moved = await received.NextAsync(f => f.Frame?.Step == 3);

        Assert.Equal(info.Code, first.Code);
        Assert.Equal("/follow/" + info.Code, info.FollowPath);
        Assert.Equal(22, info.Code.Length);
        Assert.Equal("/stratum", moved.Path);
        Assert.Contains("scenario=readme-case3", moved.Query, StringComparison.Ordinal);
        Assert.Contains("seed=7", moved.Query, StringComparison.Ordinal);
        Assert.Contains("step=3", moved.Query, StringComparison.Ordinal);
        Assert.Equal(3, moved.Frame!.Step);
        Assert.Equal(PresentedFrame.Live, moved.Status);
    }

    [Fact]
    public async Task AFollowerCannotControlThePresentersSession()
    {
        await using HubConnection presenter = await HubClient.ConnectAsync(factory);
        await using HubConnection follower = await HubClient.ConnectAsync(factory);
        (string session, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter);
        await follower.InvokeAsync<PresentedFrame>("Follow", info.Code);

        string refused = await follower.RefusedAsync("Step", session, 1);

        Assert.Contains("session", refused, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await presenter.InvokeAsync<SessionStatus>("Status", session)).Step);
    }

    [Fact]
    public async Task EndingThePresentationTellsFollowersAndTheCodeThenSaysItEnded()
    {
        await using HubConnection presenter = await HubClient.ConnectAsync(factory);
        await using HubConnection follower = await HubClient.ConnectAsync(factory);
        (_, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter);
        PresentedMessages received = PresentedMessages.Listen(follower);
        await follower.InvokeAsync<PresentedFrame>("Follow", info.Code);

        await presenter.InvokeAsync("EndPresentation");
        PresentedFrame ended = await received.NextAsync(f => f.IsEnded);
        await using HubConnection late = await HubClient.ConnectAsync(factory);
        PresentedFrame lookedUp = await late.InvokeAsync<PresentedFrame>("Follow", info.ShortCode);

        Assert.Equal(PresentedFrame.Ended, ended.Status);
        Assert.True(lookedUp.IsEnded);
    }

    [Fact]
    public async Task BadCodesAndAnswersAreRefusedWithWhatIsWrong()
    {
        await using HubConnection presenter = await HubClient.ConnectAsync(factory);
        await using HubConnection follower = await HubClient.ConnectAsync(factory);
        (string session, PresentationInfo info) = await PresentedMessages.PresentAsync(presenter);

        Assert.Contains("is not a presentation code", await follower.RefusedAsync("Follow", "nope"), StringComparison.Ordinal);
        Assert.Contains("no presentation has the code", await follower.RefusedAsync("Follow", "AAAAAA"), StringComparison.Ordinal);
        Assert.Contains("answer only a presentation this connection follows", await follower.RefusedAsync("Answer", info.Code, 1, "Back", null), StringComparison.Ordinal);
        await follower.InvokeAsync<PresentedFrame>("Follow", info.Code);
        Assert.Contains("Back, Front or Alloc", await follower.RefusedAsync("Answer", info.Code, 1, "Sideways", null), StringComparison.Ordinal);
        Assert.Contains("8 characters", await follower.RefusedAsync("Answer", info.Code, 1, "Back", "12"), StringComparison.Ordinal);
        Assert.Contains("presents already", await presenter.RefusedAsync("Present", session), StringComparison.Ordinal);
    }
}
