using System.Security.Cryptography;
using System.Collections.Concurrent;
using BufferLab.Simulator.Engine.Simulations;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// All open sessions. Each belongs to the owner that opened it (a hub connection, or a page's
/// circuit) and only that owner may control it. Limits bound how many exist, counted separately
/// for pages and hub connections so hub clients cannot take the pages' room. With a
/// <see cref="SimulationMeter"/>, every open session's metrics are published until it closes.
/// Sessions play on <paramref name="engine"/> (<see cref="EngineExecutor.Shared"/> when none is given)
/// and keep checkpoints within <paramref name="checkpoints"/>' budget (64 MiB each when none is given).
/// </summary>
public sealed class SessionRegistry(ScenarioLibrary library, SimulationMeter? meter = null, EngineExecutor? engine = null, CheckpointOptions? checkpoints = null) : IDisposable
{
    /// <summary>Most sessions of one kind (pages, or hub connections) open at once.</summary>
    public const int MaxSessions = 64;
    public const int MaxSessionsPerOwner = 4;

    /// <summary>Once the runs of closed sessions could have held this much memory, it is given back to the machine.</summary>
    public const long ReturnMemoryAbove = 256L << 20;

    /// <summary>Owners whose id starts with this are dashboard pages.</summary>
    public const string PageOwnerPrefix = "page:";

    /// <summary>Owner of sessions pages share (the followers of one presentation on this instance): one run, seeked once per step for all of them.</summary>
    private const string SharedPrefix = PageOwnerPrefix + "shared:";

    /// <summary>Owner of sessions a prerendered page handed over, until its circuit takes them (still page sessions).</summary>
    private const string HandoffPrefix = PageOwnerPrefix + "handoff:";

    /// <summary>How long a prerendered page's sessions wait for its circuit (a browser connects in a second or two).</summary>
    public static readonly TimeSpan HandoffWindow = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, SimulationSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Lock> _sharing = new(StringComparer.Ordinal); // one build at a time per group of sharing pages
    private readonly CancellationTokenSource _stopping = new();
    private long _freed; // memory the runs of sessions closed since the last give-back could have held
    private readonly Dictionary<bool, int> _reserved = new() { [true] = 0, [false] = 0 };
    private readonly Dictionary<string, RunCost> _costs = new(StringComparer.Ordinal); // by session id, and by a reservation's key while one is built

    /// <summary>A registry with a library of its own (tests; the app shares one library with the Scenarios page).</summary>
    public SessionRegistry()
        : this(new ScenarioLibrary())
    {
    }

    public int Count => _sessions.Count;

    /// <summary>The users' scenario files that requests may name by id.</summary>
    public ScenarioLibrary Library { get; } = library;

    /// <summary>
    /// Opens <paramref name="request"/> with <paramref name="seed"/>; when that is null, with the
    /// seed its scenario file names, else <paramref name="defaultSeed"/>'s (1 when none is given).
    /// </summary>
    public SimulationSession Open(string owner, ScenarioRequest request, ulong? seed, Func<ulong>? defaultSeed = null)
    {
        ResolvedScenario resolved = request.Resolve(Library);
        RunCost cost = RunBudget.Check(resolved.Scenario);
        ulong chosen = seed ?? resolved.FileSeed ?? defaultSeed?.Invoke() ?? 1;
        if (Claim(owner, resolved.ContentKey, chosen) is { } handedOver)
        {
            return handedOver; // the prerendered page built this very run: its circuit goes on with it
        }

        bool page = IsPage(owner);
        string reservation = "building:" + Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            // Sessions being built count too, so concurrent opens cannot overshoot a limit.
            if (_sessions.Values.Count(s => IsPage(s.Owner) == page) + _reserved[page] >= MaxSessions)
            {
                throw new SessionRequestException($"the server has {MaxSessions} {(page ? "page" : "hub")} sessions open, its limit; close one and try again");
            }

            if (_sessions.Values.Count(s => s.Owner == owner) >= MaxSessionsPerOwner)
            {
                throw new SessionRequestException($"you have {MaxSessionsPerOwner} sessions open, the limit per connection; close one first");
            }

            // Checkpoints count as they are now, not at their budget: a Stratum run's take KiB of its 128 MiB.
            long memory = _costs.Values.Sum(c => c.MemoryBytes) + _sessions.Values.Sum(s => s.CheckpointBytes);
            RunBudget.CheckServer(cost, memory, _costs.Values.Sum(c => c.DiskBytes));
            _reserved[page]++;
            _costs[reservation] = cost;
        }

        try
        {
            // Building runs the scenario once to find its last step: done outside the lock.
            var session = new SimulationSession(Guid.NewGuid().ToString("N"), owner, resolved.Scenario, chosen, resolved.Key, resolved.ContentKey, engine, (checkpoints ?? new CheckpointOptions()).Budget, _stopping.Token);
            _sessions[session.Id] = session;
            lock (_gate)
            {
                _costs[session.Id] = cost;
            }

            if (meter is not null)
            {
                session.PublishOn(meter);
            }

            return session;
        }
        finally
        {
            lock (_gate)
            {
                _reserved[page]--;
                _costs.Remove(reservation);
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="request"/> for the pages of <paramref name="group"/> (the followers of a
    /// presentation, who all show the same view): the group's session of the same workload and seed
    /// when it has one, else a new one. Each open must be matched by a <see cref="Release"/>; the
    /// session closes with the last. The group's sessions count once toward the limits.
    /// </summary>
    public SimulationSession OpenShared(string group, ScenarioRequest request, ulong? seed)
    {
        string owner = SharedPrefix + group;
        ResolvedScenario resolved = request.Resolve(Library);
        ulong chosen = seed ?? resolved.FileSeed ?? 1;
        lock (_sharing.GetOrAdd(owner, _ => new Lock()))
        {
            lock (_gate)
            {
                if (resolved.ContentKey is not null && _sessions.Values.FirstOrDefault(s => s.Owner == owner && s.ContentKey == resolved.ContentKey && s.Seed == chosen) is { } shared)
                {
                    shared.Sharers++;
                    return shared;
                }
            }

            SimulationSession session = Open(owner, request, chosen);
            lock (_gate)
            {
                session.Sharers = 1;
            }

            return session;
        }
    }

    /// <summary>A page lets go of a session it opened (its own, or its group's: that one closes when the last page lets go).</summary>
    public void Release(SimulationSession session)
    {
        lock (_gate)
        {
            if (session.Sharers > 1)
            {
                session.Sharers--;
                return;
            }
        }

        if (_sessions.TryGetValue(session.Id, out SimulationSession? open) && ReferenceEquals(open, session))
        {
            Remove(session);
        }

        if (session.Owner.StartsWith(SharedPrefix, StringComparison.Ordinal) && !_sessions.Values.Any(s => s.Owner == session.Owner))
        {
            _sharing.TryRemove(session.Owner, out _);
        }
    }

    private static bool IsPage(string owner) => owner.StartsWith(PageOwnerPrefix, StringComparison.Ordinal);

    /// <summary>The session <paramref name="id"/> if <paramref name="owner"/> owns it; else a clear refusal.</summary>
    public SimulationSession Get(string id, string owner)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out SimulationSession? session))
        {
            throw new SessionRequestException($"no session '{ProblemText.Cut(id)}'; open one first");
        }

        return session.Owner == owner
            ? session
            : throw new SessionRequestException($"session '{ProblemText.Cut(id)}' belongs to another connection");
    }

    public void Close(string id, string owner)
    {
        SimulationSession session = Get(id, owner);
        Remove(session);
    }

    public void CloseAll(string owner)
    {
        foreach (SimulationSession session in _sessions.Values.Where(s => s.Owner == owner).ToArray())
        {
            Remove(session);
        }
    }

    private void Remove(SimulationSession session)
    {
        if (_sessions.TryRemove(session.Id, out _))
        {
            session.Dispose();
            bool giveBack;
            lock (_gate)
            {
                _costs.Remove(session.Id, out RunCost? cost);
                _freed += cost?.MemoryBytes ?? 0;
                giveBack = _freed >= ReturnMemoryAbove || (_freed > 0 && _sessions.IsEmpty);
                _freed = giveBack ? 0 : _freed;
            }

            if (giveBack)
            {
                // The GC keeps freed memory for reuse; once closed runs could have held this much
                // (or the last session closed), give it back to the machine (a compacting, decommitting
                // collection, off the caller's thread), and the native heap's free pages with it (see NativeHeap).
                _ = Task.Run(() =>
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    NativeHeap.Trim();
                });
            }
        }
    }

    /// <summary>
    /// A prerendered page's sessions, kept for its circuit instead of closed: returns the token the
    /// circuit takes them over with (<see cref="TakeOver"/>), or null when there are none or page
    /// sessions are already at half their limit (then the page closes them, as without a handoff).
    /// Sessions nobody takes over close after <see cref="HandoffWindow"/>.
    /// </summary>
    public string? HandOver(string owner)
    {
        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            SimulationSession[] handed = [.. _sessions.Values.Where(s => s.Owner == owner)];
            if (handed.Length == 0 || _sessions.Values.Count(s => IsPage(s.Owner)) > MaxSessions / 2)
            {
                return null;
            }

            foreach (SimulationSession session in handed)
            {
                session.Owner = HandoffPrefix + token;
            }
        }

        _ = Task.Delay(HandoffWindow, _stopping.Token).ContinueWith(_ => CloseAll(HandoffPrefix + token), TaskScheduler.Default);
        return token;
    }

    /// <summary>The sessions handed over with <paramref name="token"/> become <paramref name="owner"/>'s, each claimed by the first open of the same workload and seed (see <see cref="ReleaseUnclaimed"/>).</summary>
    public void TakeOver(string token, string owner)
    {
        lock (_gate)
        {
            foreach (SimulationSession session in _sessions.Values.Where(s => s.Owner == HandoffPrefix + token))
            {
                session.Owner = owner;
                session.Unclaimed = true;
            }
        }
    }

    /// <summary>Closes what <paramref name="owner"/> took over and did not open again (the page chose another workload).</summary>
    public void ReleaseUnclaimed(string owner)
    {
        foreach (SimulationSession session in _sessions.Values.Where(s => s.Owner == owner && s.Unclaimed).ToArray())
        {
            Remove(session);
        }
    }

    private SimulationSession? Claim(string owner, string? contentKey, ulong seed)
    {
        lock (_gate)
        {
            SimulationSession? session = contentKey is null ? null
                : _sessions.Values.FirstOrDefault(s => s.Owner == owner && s.Unclaimed && s.ContentKey == contentKey && s.Seed == seed);
            if (session is not null)
            {
                session.Unclaimed = false;
            }

            return session;
        }
    }

    /// <summary>Closes every session, stopping whatever runs in them (the server is stopping): their files are deleted as they close.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        foreach (SimulationSession session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }
}
