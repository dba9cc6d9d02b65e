using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// Presenting on this instance: starts and resumes presentations (bounded per instance), finds one by
/// either code, counts this instance's followers of each (reported to the store every heartbeat, so
/// the presenter sees the room's total across instances), and takes quiz answers. Every request is
/// checked here; a refusal is a <see cref="PresentingException"/> that says why.
/// </summary>
public sealed class PresentingService : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PresenterFeed> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _followers = new(StringComparer.Ordinal);
    private readonly Timer _report;

    public PresentingService(IPresentationStore store, IPresentedFrameSender sender, PresentingOptions options, string instance)
    {
        (Store, Sender, Options, Instance) = (store, sender, options, instance);
        _report = new Timer(_ => _ = ReportAsync(), null, options.Heartbeat, options.Heartbeat);
    }

    public IPresentationStore Store { get; }

    public IPresentedFrameSender Sender { get; }

    public PresentingOptions Options { get; }

    /// <summary>This instance's name in the room (its followers are counted under it).</summary>
    public string Instance { get; }

    public int PresentationCount => _feeds.Count;

    /// <summary>A presenter's identity in the store: a hash of the browser's owner key (the key itself never leaves the instance).</summary>
    public static string PresenterOf(string ownerKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("bufferlab-presenter:" + ownerKey)))[..32];

    /// <summary>Starts presenting <paramref name="view"/> as <paramref name="presenter"/>.</summary>
    public async Task<PresenterFeed> StartAsync(string presenter, PresentedView view)
    {
        if (_feeds.Count >= Options.MaxPresentationsPerInstance)
        {
            throw new PresentingException($"this instance presents {_feeds.Count} presentations already, the most it takes (BufferLab:Presenting:MaxPresentationsPerInstance); end one first");
        }

        string code = PresentationCodes.NewCode(), shortCode = PresentationCodes.NewShortCode();
        var first = new PresentedFrame(code, shortCode, 0, view.Path, view.Query, view.Step, PresentedFrame.Live, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), null);
        await Store.CreateAsync(first, presenter, Options.Grace).ConfigureAwait(false);
        return await OpenFeedAsync(first, view).ConfigureAwait(false);
    }

    /// <summary>The presentation <paramref name="presenter"/> started that has no presenter now (a closed tab, a lost instance), if any.</summary>
    public async Task<PresentedFrame?> ResumableAsync(string presenter)
    {
        // A feed here may still be running for a tab whose connection dropped (held until its circuit is let go): lost all the same.
        if (await Store.FindByPresenterAsync(presenter).ConfigureAwait(false) is not { } code)
        {
            return null;
        }

        PresentedFrame? latest = await Store.GetAsync(code).ConfigureAwait(false);
        return latest is { IsEnded: false } && IsLost(latest) ? latest : null;
    }

    /// <summary>Takes <paramref name="code"/> over again as its presenter, at <paramref name="view"/> (the page reopened at the presentation's last view).</summary>
    public async Task<PresenterFeed> ResumeAsync(string code, string presenter, PresentedView view)
    {
        if (!PresentationCodes.IsCode(code) || await Store.PresenterOfAsync(code).ConfigureAwait(false) != presenter)
        {
            throw new PresentingException("only the browser that started a presentation can resume it, within its grace period");
        }

        if (_feeds.TryRemove(code, out PresenterFeed? running))
        {
            await running.DisposeAsync().ConfigureAwait(false); // another tab of the same browser on this instance: the newest takes over
        }

        PresentedFrame latest = await Store.GetAsync(code).ConfigureAwait(false) ?? throw new PresentingException("that presentation is over: its grace period passed");
        return await OpenFeedAsync(latest, view).ConfigureAwait(false);
    }

    /// <summary>The presentation <paramref name="code"/> (the link's code, or the short code in any case and spacing) names.</summary>
    public async Task<PresentedFrame> FindAsync(string? code)
    {
        string? full = PresentationCodes.IsCode(code) ? code
            : PresentationCodes.NormalizeShort(code) is { } shortCode ? await Store.FindByShortCodeAsync(shortCode).ConfigureAwait(false)
            : throw new PresentingException($"'{Cut(code)}' is not a presentation code: the presenter's short code is 6 letters and digits (e.g. K7P 4QX), a follow link's is 22 characters");
        return (full is null ? null : await Store.GetAsync(full).ConfigureAwait(false))
            ?? throw new PresentingException($"no presentation has the code '{Cut(code)}': it is mistyped, or it ended a while ago");
    }

    /// <summary>Checks that <paramref name="code"/>'s presentation has room for one more follower: the other instances' reported counts and this instance's own now.</summary>
    public async Task CheckRoomAsync(string code)
    {
        // This instance's report is in the store too: counted once, from here (the store's may be a heartbeat old).
        int followers = await Store.CountFollowersAsync(code, Instance).ConfigureAwait(false) + _followers.GetValueOrDefault(code);
        if (followers >= Options.MaxFollowersPerPresentation)
        {
            throw new PresentingException($"this presentation has {followers} followers, the most it takes (BufferLab:Presenting:MaxFollowersPerPresentation)");
        }
    }

    /// <summary>Counts one follower of <paramref name="code"/> on this instance until disposed.</summary>
    public IDisposable CountFollower(string code)
    {
        _followers.AddOrUpdate(code, 1, (_, n) => n + 1);
        _ = ReportAsync(code);
        return new CountedFollower(() =>
        {
            _followers.AddOrUpdate(code, 0, (_, n) => Math.Max(0, n - 1));
            _ = ReportAsync(code);
        });
    }

    /// <summary>Takes <paramref name="follower"/>'s answer to the quiz of <paramref name="step"/> (mode Back, Front or Alloc; map 8 characters or none).</summary>
    public Task AnswerAsync(string code, int step, string follower, QuizAnswer answer)
    {
        if (!QuizTally.ModeNames.Contains(answer.Mode))
        {
            throw new PresentingException($"an answer's mode is Back, Front or Alloc, got '{Cut(answer.Mode)}'");
        }

        if (answer.Map is { } map && (map.Length != 8 || !map.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '*')))
        {
            throw new PresentingException($"an answer's slot map is 8 characters (1-9, a-z, - or *), got '{Cut(map)}'");
        }

        return step < 1 ? throw new PresentingException($"a quiz is about a step from 1 on, got {step}") : Store.AnswerAsync(code, step, follower, answer, Options.Grace);
    }

    /// <summary>Whether <paramref name="frame"/>'s presenter missed its heartbeats.</summary>
    public bool IsLost(PresentedFrame frame) => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - frame.PresenterSeenUnixMs > Options.LostAfter.TotalMilliseconds;

    public async ValueTask DisposeAsync()
    {
        await _report.DisposeAsync().ConfigureAwait(false);
        foreach (PresenterFeed feed in _feeds.Values)
        {
            await feed.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Cut(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";

    private async Task<PresenterFeed> OpenFeedAsync(PresentedFrame latest, PresentedView view)
    {
        var feed = new PresenterFeed(latest.Code, latest.ShortCode, latest.Version, Store, Sender, Options, f => _feeds.TryRemove(new KeyValuePair<string, PresenterFeed>(f.Code, f)));
        _feeds[latest.Code] = feed;
        await feed.StartAsync().ConfigureAwait(false);
        feed.Show(view);
        return feed;
    }

    private async Task ReportAsync()
    {
        foreach (string code in _followers.Keys)
        {
            await ReportAsync(code).ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(string code)
    {
        try
        {
            int count = _followers.GetValueOrDefault(code);
            await Store.ReportFollowersAsync(code, Instance, count, 3 * Options.Heartbeat).ConfigureAwait(false);
            if (count == 0)
            {
                _followers.TryRemove(new KeyValuePair<string, int>(code, 0));
            }
        }
        catch (PresentingUnavailableException)
        {
            // counted again at the next heartbeat, once the store answers
        }
    }
}
