using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Simulations.Keep;

/// <summary>
/// Turns phases into client actors, phase after phase: the first starts at once, each next one when
/// every request of the one before has been answered. A phase's choices are drawn when it starts,
/// from a stream forked for it, so they do not depend on how requests interleave; a replay takes
/// them from the trace instead. Every client records its start and each request it sends.
/// </summary>
internal sealed class KeepWorkloadBuilder(KeepModel model, RunContext context, KeepLocator[] locators, int blockSize)
{
    private const string Coordinator = "phases";
    private int _clients;
    private int _puts;
    private int _running;
    private ActorHandle? _coordinator;

    public void Start(IReadOnlyList<KeepLoad> phases, WorkloadTrace? replay)
    {
        List<IReadOnlyList<ClientPlan>> plans = replay is null ? [] : FromTrace(replay, phases.Count);
        IReadOnlyList<ClientPlan> PlanOf(int phase) => replay is null ? Plan(phases[phase], phase) : plans[phase];

        Spawn(PlanOf(0), 0, replay);
        if (phases.Count > 1)
        {
            model.Expect(1); // the phases still to come keep the garbage collector going
            _coordinator = context.Scheduler.Spawn(Coordinator, RunPhases(phases.Count, PlanOf, replay));
        }
    }

    internal static TimeSpan Ms(double ms) => TimeSpan.FromTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));

    private IEnumerable<TimeSpan> RunPhases(int count, Func<int, IReadOnlyList<ClientPlan>> planOf, WorkloadTrace? replay)
    {
        for (int phase = 1; phase < count; phase++)
        {
            while (_running > 0)
            {
                yield return Scheduler.Park;
            }

            Spawn(planOf(phase), phase, replay);
        }

        model.Expect(-1);
    }

    private void Spawn(IReadOnlyList<ClientPlan> clients, int phase, WorkloadTrace? replay)
    {
        context.Record(Coordinator, $"phase{phase}");
        foreach (ClientPlan client in clients)
        {
            _running++;
            model.Expect(client.Requests.Count);
            string name = $"client-{++_clients}";
            TimeSpan delay = replay is null ? client.Delay : replay.Scaled(client.Delay);
            context.Scheduler.Spawn(name, Client(name, client, replay), delay);
        }
    }

    /// <summary>A phase's clients, drawn from the phase's own stream.</summary>
    private List<ClientPlan> Plan(KeepLoad load, int phase)
    {
        SeededRandom random = context.Random.Fork($"keep.load.{phase}");
        TimeSpan start = Ms(load.StartMs);
        var clients = new List<ClientPlan>();
        switch (load.Kind)
        {
            case KeepLoadKind.Open:
                double at = load.StartMs;
                for (int n = 0; n < KeepLoad.MaxRequests; n++)
                {
                    at += random.NextExponential(1000 / load.RatePerSecond);
                    if (at > load.StartMs + load.DurationMs)
                    {
                        break;
                    }

                    clients.Add(new ClientPlan(Ms(at), [Draw(load, random, n, TimeSpan.Zero)]));
                }

                break;
            case KeepLoadKind.Ops:
                for (int n = 0; n < load.Ops.Count; n++)
                {
                    clients.Add(new ClientPlan(start + Ms(n * load.IntervalMs), [PlannedRequest.From(load.Ops[n])]));
                }

                break;
            default:
                for (int c = 0; c < load.Clients; c++)
                {
                    var requests = new PlannedRequest[load.RequestsPerClient];
                    for (int n = 0; n < requests.Length; n++)
                    {
                        TimeSpan think = n > 0 && load.ThinkMs > 0 ? Ms(random.NextExponential(load.ThinkMs)) : TimeSpan.Zero;
                        requests[n] = Draw(load, random, n, think);
                    }

                    TimeSpan delay = start + (load.SpreadMs > 0 ? Ms(random.NextDouble() * load.SpreadMs) : TimeSpan.Zero);
                    clients.Add(new ClientPlan(delay, requests, load.DurationMs > 0 ? Ms(load.DurationMs) - delay : null));
                }

                break;
        }

        return clients;
    }

    private PlannedRequest Draw(KeepLoad load, SeededRandom random, int n, TimeSpan think)
    {
        bool put = load.PutFraction > 0 && random.NextDouble() < load.PutFraction;
        long priority = load.OriginFraction > 0 && random.NextDouble() < load.OriginFraction ? 1 : 0;
        TimeSpan? disconnect = load.DisconnectFraction > 0 && random.NextDouble() < load.DisconnectFraction ? Ms(load.DisconnectAfterMs) : null;
        int block = put ? -1 : load.Keys.Next(random, 0, locators.Length - 1, n);
        return new PlannedRequest(block, put, priority, disconnect, think) { StorageClasses = put ? load.StorageClasses : [] };
    }

    /// <summary>The recorded phases: each client's start (after its phase's, in the order they were spawned) and its requests (after the client's start).</summary>
    private static List<IReadOnlyList<ClientPlan>> FromTrace(WorkloadTrace trace, int phaseCount)
    {
        var phases = new List<IReadOnlyList<ClientPlan>>();
        var clients = new Dictionary<string, (TimeSpan Start, List<PlannedRequest> Requests)>(StringComparer.Ordinal);
        List<string>? order = null;
        TimeSpan phaseStart = TimeSpan.Zero;
        void Close()
        {
            if (order is not null)
            {
                phases.Add([.. order.OrderBy(ClientNumber).Select(c => new ClientPlan(clients[c].Start - phaseStart, clients[c].Requests))]);
            }
        }

        foreach (TraceEntry entry in trace.Entries)
        {
            if (entry.Actor == Coordinator)
            {
                Close();
                order = [];
                phaseStart = entry.At;
            }
            else if (order is null)
            {
                throw new FormatException($"trace entry '{entry}' comes before the first '{Coordinator} phase0' entry");
            }
            else if (entry.Op == "start")
            {
                order.Add(entry.Actor);
                clients[entry.Actor] = (entry.At, []);
            }
            else if (!clients.TryGetValue(entry.Actor, out var client))
            {
                throw new FormatException($"trace entry '{entry}': {entry.Actor} sends before its 'start' entry");
            }
            else
            {
                client.Requests.Add(PlannedRequest.From(KeepOp.TryParse(entry.Op, out string? error) ?? throw new FormatException($"trace entry '{entry}': {error}"), entry.At - client.Start));
            }
        }

        Close();
        return phases.Count == phaseCount ? phases : throw new FormatException($"the trace has {phases.Count} phases; the scenario has {phaseCount}");
    }

    private static int ClientNumber(string name) =>
        int.TryParse(name.AsSpan(name.IndexOf('-', StringComparison.Ordinal) + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue;

    private IEnumerable<TimeSpan> Client(string name, ClientPlan plan, WorkloadTrace? replay)
    {
        context.Record(name, "start");
        TimeSpan started = context.Clock.Elapsed;
        int sent = 0;
        foreach (PlannedRequest request in plan.Requests)
        {
            TimeSpan wait = request.At is { } after ? Max(TimeSpan.Zero, started + replay!.Scaled(after) - context.Clock.Elapsed) : request.ThinkBefore;
            if (wait > TimeSpan.Zero)
            {
                yield return wait;
            }

            if (plan.StopAfter is { } stop && context.Clock.Elapsed - started >= stop)
            {
                break;
            }

            sent++;
            context.Record(name, request.ToOp().ToString());
            foreach (TimeSpan delay in Send(request))
            {
                yield return delay;
            }
        }

        model.Expect(sent - plan.Requests.Count);
        if (--_running == 0 && _coordinator is not null)
        {
            context.Scheduler.Wake(_coordinator);
        }
    }

    private IEnumerable<TimeSpan> Send(PlannedRequest request)
    {
        if (!request.Put)
        {
            return model.Request("GET", locators[request.Block], request.Priority, null, request.DisconnectAfter);
        }

        byte[] data = new byte[blockSize];
        context.Random.Fork($"keep.put.{++_puts}").NextBytes(data);
        return model.Request("PUT", KeepLocator.Of(data), request.Priority, data, request.DisconnectAfter, request.StorageClasses);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
