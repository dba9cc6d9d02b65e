using BufferLab.Simulator.Engine.Models.Keep;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;

namespace BufferLab.Simulator.Engine.Scenarios.Keep;

/// <summary>Turns load phases into client actors. Every choice is drawn here, from streams forked per phase, so it does not depend on how requests interleave.</summary>
internal sealed class KeepWorkloadBuilder(KeepModel model, RunContext context, KeepLocator[] locators, int blockSize)
{
    private int _clients;
    private int _puts;

    public void Spawn(KeepLoad load, int phase)
    {
        SeededRandom random = context.Random.Fork($"keep.load.{phase}");
        TimeSpan start = Ms(load.StartMs);
        if (load.Kind == KeepLoadKind.Open)
        {
            double at = load.StartMs;
            int n = 0;
            while (true)
            {
                at += random.NextExponential(1000 / load.RatePerSecond);
                if (at > load.StartMs + load.DurationMs || n >= KeepLoad.MaxRequests)
                {
                    break;
                }

                PlannedRequest request = Plan(load, random, n++, TimeSpan.Zero);
                model.Expect(1);
                context.Scheduler.Spawn($"client-{++_clients}", Client([request]), Ms(at));
            }

            return;
        }

        for (int c = 0; c < load.Clients; c++)
        {
            var plan = new PlannedRequest[load.RequestsPerClient];
            for (int n = 0; n < plan.Length; n++)
            {
                TimeSpan think = n > 0 && load.ThinkMs > 0 ? Ms(random.NextExponential(load.ThinkMs)) : TimeSpan.Zero;
                plan[n] = Plan(load, random, n, think);
            }

            TimeSpan delay = start + (load.Kind == KeepLoadKind.Herd ? Ms(random.NextDouble() * load.SpreadMs) : TimeSpan.Zero);
            model.Expect(plan.Length);
            context.Scheduler.Spawn($"client-{++_clients}", Client(plan), delay);
        }
    }

    private PlannedRequest Plan(KeepLoad load, SeededRandom random, int n, TimeSpan think)
    {
        bool put = load.PutFraction > 0 && random.NextDouble() < load.PutFraction;
        long priority = load.OriginFraction > 0 && random.NextDouble() < load.OriginFraction ? 1 : 0;
        TimeSpan? disconnect = load.DisconnectFraction > 0 && random.NextDouble() < load.DisconnectFraction ? Ms(load.DisconnectAfterMs) : null;
        int block = put ? -1 : load.Keys.Next(random, locators.Length, n);
        return new PlannedRequest(block, put, priority, disconnect, think);
    }

    private IEnumerable<TimeSpan> Client(IReadOnlyList<PlannedRequest> plan)
    {
        foreach (PlannedRequest request in plan)
        {
            if (request.ThinkBefore > TimeSpan.Zero)
            {
                yield return request.ThinkBefore;
            }

            IEnumerable<TimeSpan> body;
            if (request.Put)
            {
                byte[] data = new byte[blockSize];
                context.Random.Fork($"keep.put.{++_puts}").NextBytes(data);
                body = model.Request("PUT", KeepLocator.Of(data), request.Priority, data, request.DisconnectAfter);
            }
            else
            {
                body = model.Request("GET", locators[request.Block], request.Priority, null, request.DisconnectAfter);
            }

            foreach (TimeSpan delay in body)
            {
                yield return delay;
            }
        }
    }

    private static TimeSpan Ms(double ms) => TimeSpan.FromTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));
}
