using System.Collections.Concurrent;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// All open sessions. Each belongs to the owner that opened it (a hub connection, or a page's
/// circuit) and only that owner may control it; limits bound how many exist.
/// </summary>
public sealed class SessionRegistry : IDisposable
{
    public const int MaxSessions = 64;
    public const int MaxSessionsPerOwner = 4;

    private readonly ConcurrentDictionary<string, SimulationSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count => _sessions.Count;

    public SimulationSession Open(string owner, ScenarioRequest request, ulong seed)
    {
        IScenario scenario = request.Resolve();
        lock (_gate)
        {
            if (_sessions.Count >= MaxSessions)
            {
                throw new SessionRequestException($"the server has {MaxSessions} sessions open, its limit; close one and try again");
            }

            if (_sessions.Values.Count(s => s.Owner == owner) >= MaxSessionsPerOwner)
            {
                throw new SessionRequestException($"you have {MaxSessionsPerOwner} sessions open, the limit per connection; close one first");
            }

            var session = new SimulationSession(Guid.NewGuid().ToString("N"), owner, scenario, seed);
            _sessions[session.Id] = session;
            return session;
        }
    }

    /// <summary>The session <paramref name="id"/> if <paramref name="owner"/> owns it; else a clear refusal.</summary>
    public SimulationSession Get(string id, string owner)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out SimulationSession? session))
        {
            throw new SessionRequestException($"no session '{id}'; open one first");
        }

        return session.Owner == owner
            ? session
            : throw new SessionRequestException($"session '{id}' belongs to another connection");
    }

    public void Close(string id, string owner)
    {
        SimulationSession session = Get(id, owner);
        if (_sessions.TryRemove(session.Id, out _))
        {
            session.Dispose();
        }
    }

    public void CloseAll(string owner)
    {
        foreach (SimulationSession session in _sessions.Values.Where(s => s.Owner == owner).ToArray())
        {
            if (_sessions.TryRemove(session.Id, out _))
            {
                session.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (SimulationSession session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }
}
