using System.Text.Json;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace BufferLab.Simulator.Web.Hubs;

/// <summary>
/// Presenting through the hub: a connection presents one of its sessions (Present, EndPresentation),
/// or follows presentations (Follow, Unfollow, Answer). A follower joins the presentation's group and
/// receives a <see cref="HubPaths.Presented"/> message for each change of the presenter's view (with
/// the presenter's frame; a heartbeat's carries none); with the Redis backplane the group spans every
/// instance. Following is read-only: the presenter's session stays its own.
/// </summary>
public sealed partial class SimulationHub
{
    /// <summary>Most presentations one connection follows at once.</summary>
    public const int MaxFollowedPerConnection = 4;

    private const string PresentingItem = "presenting", FollowingItem = "following";

    /// <summary>Presents the connection's session <paramref name="sessionId"/>: followers see its page, step and frames until EndPresentation or the connection closes (then it may be resumed from a page within the grace period).</summary>
    public async Task<PresentationInfo> Present(string sessionId)
    {
        SimulationSession session = Guard(() => Owned(sessionId));
        if (Context.Items.ContainsKey(PresentingItem))
        {
            throw new HubException("this connection presents already; EndPresentation first");
        }

        PresenterFeed feed = await GuardAsync(() => presenting.StartAsync(PresentingService.PresenterOf("hub:" + Context.ConnectionId),
            HubPresenter.ViewOf(session, session.Read(run => run.Step)))).ConfigureAwait(false);
        var presenter = new HubPresenter(feed, session);
        presenter.Start();
        Context.Items[PresentingItem] = presenter;
        return new PresentationInfo(feed.Code, feed.ShortCode, feed.FollowPath);
    }

    public async Task EndPresentation()
    {
        if (!Context.Items.Remove(PresentingItem, out object? item) || item is not HubPresenter presenter)
        {
            throw new HubException("this connection presents nothing");
        }

        await presenter.DisposeAsync().ConfigureAwait(false);
        await GuardAsync(async () =>
        {
            await presenter.Feed.EndAsync().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Follows the presentation <paramref name="code"/> (the link's code or the short code); answers the presenter's view so far.</summary>
    public async Task<PresentedFrame> Follow(string code)
    {
        Dictionary<string, IDisposable> followed = Followed();
        PresentedFrame latest = await GuardAsync(() => presenting.FindAsync(code)).ConfigureAwait(false);
        if (followed.ContainsKey(latest.Code))
        {
            return latest;
        }

        if (followed.Count >= MaxFollowedPerConnection)
        {
            throw new HubException($"a connection follows at most {MaxFollowedPerConnection} presentations; Unfollow one first");
        }

        await GuardAsync(async () =>
        {
            await presenting.CheckRoomAsync(latest.Code).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubPresentedFrameSender.GroupOf(latest.Code)).ConfigureAwait(false);
        followed[latest.Code] = presenting.CountFollower(latest.Code);
        return latest;
    }

    public async Task Unfollow(string code)
    {
        if (code is null || !Followed().Remove(code, out IDisposable? counted))
        {
            throw new HubException("this connection does not follow that presentation (Unfollow takes the code Follow answered)");
        }

        counted.Dispose();
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubPresentedFrameSender.GroupOf(code)).ConfigureAwait(false);
    }

    /// <summary>Answers the quiz of <paramref name="step"/> in a followed presentation: the predicted mode (Back, Front, Alloc) and, optionally, slot map.</summary>
    public async Task Answer(string code, JsonElement step, string mode, string? map)
    {
        if (code is null || !Followed().ContainsKey(code))
        {
            throw new HubException("answer only a presentation this connection follows (Answer takes the code Follow answered)");
        }

        int quizStep = HubArguments.Int(step, "step");
        await GuardAsync(async () =>
        {
            await presenting.AnswerAsync(code, quizStep, "hub:" + Context.ConnectionId, new QuizAnswer(mode, map)).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private Dictionary<string, IDisposable> Followed()
    {
        if (Context.Items.TryGetValue(FollowingItem, out object? item) && item is Dictionary<string, IDisposable> followed)
        {
            return followed;
        }

        var created = new Dictionary<string, IDisposable>(StringComparer.Ordinal);
        Context.Items[FollowingItem] = created;
        return created;
    }

    private async Task LeavePresentationsAsync()
    {
        if (Context.Items.Remove(PresentingItem, out object? item) && item is HubPresenter presenter)
        {
            await presenter.DisposeAsync().ConfigureAwait(false);
        }

        if (Context.Items.Remove(FollowingItem, out object? following) && following is Dictionary<string, IDisposable> followed)
        {
            foreach (IDisposable counted in followed.Values)
            {
                counted.Dispose();
            }
        }
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PresentingException or PresentingUnavailableException)
        {
            throw new HubException(e.Message);
        }
    }
}
