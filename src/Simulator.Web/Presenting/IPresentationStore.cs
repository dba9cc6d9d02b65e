using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// Where presentations live: this instance's memory when the dashboard runs alone, Redis when
/// several instances share a room. It keeps each presentation's latest view (so a follower who
/// joins on any instance, or a presenter who resumes from another tab, starts from it), the codes
/// that find it, the followers counted per instance, the quiz answers, and tells subscribers of
/// every change. Everything expires with the presentation. A store that cannot be reached throws
/// <see cref="PresentingUnavailableException"/>.
/// </summary>
public interface IPresentationStore
{
    /// <summary>Where presentations are kept, for messages ("this instance's memory", "Redis at 127.0.0.1:6379").</summary>
    string Description { get; }

    /// <summary>Saves a new presentation (its first view), findable by its code, short code and presenter for <paramref name="lifetime"/>.</summary>
    Task CreateAsync(PresentedFrame first, string presenter, TimeSpan lifetime);

    Task<PresentedFrame?> GetAsync(string code);

    Task<string?> FindByShortCodeAsync(string shortCode);

    /// <summary>The live presentation <paramref name="presenter"/> (a hash of a browser's owner key) started, if any.</summary>
    Task<string?> FindByPresenterAsync(string presenter);

    /// <summary>Who started <paramref name="code"/> (null when it is gone).</summary>
    Task<string?> PresenterOfAsync(string code);

    /// <summary>Saves <paramref name="frame"/> as the presentation's latest view, keeps it alive for <paramref name="lifetime"/> more, and tells subscribers.</summary>
    Task PublishAsync(PresentedFrame frame, TimeSpan lifetime);

    /// <summary>This instance follows <paramref name="code"/> with <paramref name="count"/> followers now; counts older than <paramref name="freshFor"/> are dropped (a killed instance's).</summary>
    Task ReportFollowersAsync(string code, string instance, int count, TimeSpan freshFor);

    /// <summary>The followers of <paramref name="code"/> as the instances last reported them (fresh counts only), leaving out <paramref name="exceptInstance"/>'s report when given (an instance that knows its own count now).</summary>
    Task<int> CountFollowersAsync(string code, string? exceptInstance = null);

    /// <summary>Saves (or replaces) one follower's answer to the quiz of <paramref name="quizStep"/> and tells subscribers.</summary>
    Task AnswerAsync(string code, int quizStep, string follower, QuizAnswer answer, TimeSpan lifetime);

    Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string code, int quizStep);

    /// <summary>Calls <paramref name="onSignal"/> (on any thread) for each change of <paramref name="code"/> until disposed.</summary>
    Task<IAsyncDisposable> SubscribeAsync(string code, Action<PresentationSignal> onSignal);
}
