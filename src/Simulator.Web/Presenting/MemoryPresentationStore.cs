using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>The store of a dashboard that runs alone: this instance's memory, with the same lifetimes as Redis's keys.</summary>
public sealed class MemoryPresentationStore(TimeProvider time) : IPresentationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MemoryPresentation> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Action<PresentationSignal>>> _subscribers = new(StringComparer.Ordinal);

    public MemoryPresentationStore()
        : this(TimeProvider.System)
    {
    }

    public string Description => "this instance's memory";

    public Task CreateAsync(PresentedFrame first, string presenter, TimeSpan lifetime)
    {
        lock (_gate)
        {
            _entries[first.Code] = new MemoryPresentation(first, presenter, Now + lifetime);
        }

        return Task.CompletedTask;
    }

    public Task<PresentedFrame?> GetAsync(string code) => Task.FromResult(Live(code)?.Latest);

    public Task<string?> FindByShortCodeAsync(string shortCode) => Task.FromResult(Find(e => e.Latest.ShortCode == shortCode)?.Latest.Code);

    public Task<string?> FindByPresenterAsync(string presenter) => Task.FromResult(Find(e => e.Presenter == presenter && !e.Latest.IsEnded)?.Latest.Code);

    public Task<string?> PresenterOfAsync(string code) => Task.FromResult(Live(code)?.Presenter);

    public Task PublishAsync(PresentedFrame frame, TimeSpan lifetime)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(frame.Code, out MemoryPresentation? entry))
            {
                return Task.CompletedTask;
            }

            entry.Latest = frame;
            entry.Expires = Now + lifetime;
        }

        Signal(frame.Code, new PresentationSignal(frame with { Frame = null }, null));
        return Task.CompletedTask;
    }

    public Task ReportFollowersAsync(string code, string instance, int count, TimeSpan freshFor)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(code, out MemoryPresentation? entry))
            {
                entry.Followers[instance] = (count, Now + freshFor);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> CountFollowersAsync(string code, string? exceptInstance = null)
    {
        lock (_gate)
        {
            DateTimeOffset now = Now;
            return Task.FromResult(Live(code) is { } entry ? entry.Followers.Where(f => f.Key != exceptInstance && f.Value.Fresh > now).Sum(f => f.Value.Count) : 0);
        }
    }

    public Task AnswerAsync(string code, int quizStep, string follower, QuizAnswer answer, TimeSpan lifetime)
    {
        lock (_gate)
        {
            if (Live(code) is not { } entry)
            {
                return Task.CompletedTask;
            }

            entry.Answers.RemoveAll(a => a.Step == quizStep && a.Follower == follower);
            // The latest steps' quizzes only, as Redis keeps a quiz a grace period after its last answer.
            entry.Answers.RemoveAll(a => a.Step < quizStep - MemoryPresentation.QuizStepsKept);
            entry.Answers.Add((quizStep, follower, answer));
        }

        Signal(code, new PresentationSignal(null, quizStep));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string code, int quizStep)
    {
        lock (_gate)
        {
            IReadOnlyList<QuizAnswer> answers = Live(code) is { } entry ? [.. entry.Answers.Where(a => a.Step == quizStep).Select(a => a.Answer)] : [];
            return Task.FromResult(answers);
        }
    }

    public Task<IAsyncDisposable> SubscribeAsync(string code, Action<PresentationSignal> onSignal)
    {
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(code, out List<Action<PresentationSignal>>? list))
            {
                _subscribers[code] = list = [];
            }

            list.Add(onSignal);
        }

        return Task.FromResult<IAsyncDisposable>(new AsyncAction(() =>
        {
            lock (_gate)
            {
                if (_subscribers.TryGetValue(code, out List<Action<PresentationSignal>>? list) && list.Remove(onSignal) && list.Count == 0)
                {
                    _subscribers.Remove(code);
                }
            }
        }));
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private MemoryPresentation? Live(string code)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(code, out MemoryPresentation? entry) && entry.Expires <= Now)
            {
                _entries.Remove(code);
                return null;
            }

            return entry;
        }
    }

    private MemoryPresentation? Find(Func<MemoryPresentation, bool> match)
    {
        lock (_gate)
        {
            return _entries.Keys.ToList().Select(Live).FirstOrDefault(e => e is not null && match(e));
        }
    }

    private void Signal(string code, PresentationSignal signal)
    {
        Action<PresentationSignal>[] handlers;
        lock (_gate)
        {
            handlers = _subscribers.TryGetValue(code, out List<Action<PresentationSignal>>? list) ? [.. list] : [];
        }

        foreach (Action<PresentationSignal> handler in handlers)
        {
            handler(signal);
        }
    }
}
