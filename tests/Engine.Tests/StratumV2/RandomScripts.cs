using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.StratumV2;

/// <summary>
/// Random write/drop interleavings like the spec's differential fuzzing: small messages, some in
/// two chunks, drops that favour the oldest live slice. A script is a pure function of its seed.
/// </summary>
internal static class RandomScripts
{
    public static IReadOnlyList<Sv2Op> Generate(ulong seed, int steps, int maxMessageBytes)
    {
        var random = new SeededRandom(seed);
        var live = new List<int>();
        var ops = new List<Sv2Op>();
        int nextId = 1;
        for (int step = 0; step < steps; step++)
        {
            if (live.Count > 0 && random.NextDouble() < 0.45)
            {
                int count = random.NextDouble() < 0.7 ? 1 : random.NextInt(1, Math.Min(3, live.Count));
                var ids = new int[count];
                for (int k = 0; k < count; k++)
                {
                    int at = random.NextDouble() < 0.6 ? 0 : random.NextInt(live.Count);
                    ids[k] = live[at];
                    live.RemoveAt(at);
                }

                ops.Add(Sv2Op.Drop(ids));
                continue;
            }

            int id = nextId++;
            int size = random.NextInt(0, maxMessageBytes);
            if (size >= 2 && random.NextDouble() < 0.25)
            {
                int first = random.NextInt(1, size - 1);
                ops.Add(Sv2Op.Chunk(id, first, thenGet: false));
                ops.Add(Sv2Op.Chunk(id, size - first, thenGet: true));
            }
            else
            {
                ops.Add(Sv2Op.Message(id, size));
            }

            live.Add(id);
        }

        return ops;
    }

    /// <summary>Runs a script and returns every invariant violation it logged (a panic ends the script).</summary>
    public static IReadOnlyList<InvariantViolated> Violations(IReadOnlyList<Sv2Op> ops, int capacity, Sv2Variant variant)
    {
        var events = new List<SimEvent>();
        var model = new Sv2Model(capacity, variant, events.Add);
        foreach (Sv2Op op in ops)
        {
            model.Apply(op);
            if (model.Failure is not null)
            {
                break;
            }
        }

        return events.OfType<InvariantViolated>().ToArray();
    }
}
