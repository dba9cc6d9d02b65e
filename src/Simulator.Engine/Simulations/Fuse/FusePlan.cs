using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>The kernel's requests in the order it sends them, each with the queue depth of its phase: drawn from the phases, or read back from a trace.</summary>
internal static class FusePlan
{
    public const string Kernel = "kernel";

    /// <summary>The trace op that sets the queue depth, as in `depth4`.</summary>
    public const string Depth = "depth";

    /// <summary>The phases' I/O, split into requests the negotiated limits allow (buffered READs: the readahead window).</summary>
    public static List<(FuseIoOp Op, int QueueDepth)> Draw(FuseScenario scenario, SeededRandom random, KernelLimits limits)
    {
        var plan = new List<(FuseIoOp, int)>();
        foreach (FusePhase phase in scenario.Phases)
        {
            int sent = 0;
            void Add(bool write, long offset, int size)
            {
                // Buffered reads go through the page cache, which asks for at most the readahead window at a time.
                long readMax = scenario.DirectIo ? limits.MaxReadRequest : limits.MaxBufferedReadRequest;
                int max = (int)Math.Min(int.MaxValue, write ? limits.MaxWriteRequest : readMax);
                for (int done = 0; done < size; done += max)
                {
                    sent++;
                    bool forget = phase.ForgetEvery > 0 && sent % phase.ForgetEvery == 0;
                    bool interrupt = phase.InterruptEvery > 0 && sent % phase.InterruptEvery == 0;
                    plan.Add((new FuseIoOp(write, offset + done, Math.Min(max, size - done), forget, interrupt), phase.QueueDepth));
                }
            }

            for (long offset = 0; offset < phase.SequentialWriteBytes; offset += phase.IoBytes)
            {
                Add(true, offset, (int)Math.Min(phase.IoBytes, phase.SequentialWriteBytes - offset));
            }

            for (long offset = 0; offset < phase.SequentialReadBytes; offset += phase.IoBytes)
            {
                Add(false, offset, (int)Math.Min(phase.IoBytes, phase.SequentialReadBytes - offset));
            }

            for (int i = 0; i < phase.RandomOps; i++)
            {
                int size = phase.Sizes.Next(random, phase.MinRandomBytes, phase.MaxRandomBytes, i);
                long offset = random.NextInt(scenario.FileBytes - size + 1);
                Add(random.NextDouble() < phase.WriteFraction, offset, size);
            }

            foreach (FuseIoOp op in phase.Ops)
            {
                int before = plan.Count;
                Add(op.Write, op.Offset, op.Size);
                plan[^1] = (plan[^1].Item1 with { Forget = op.Forget, Interrupt = op.Interrupt }, phase.QueueDepth);
                for (int i = before; i < plan.Count - 1; i++)
                {
                    plan[i] = (plan[i].Item1 with { Forget = false, Interrupt = false }, phase.QueueDepth);
                }
            }
        }

        return plan;
    }

    /// <summary>
    /// The requests a trace recorded, with the depths it set. A request larger than this mount
    /// negotiated (a recording replayed with another daemon: a vectored mount's 4 MiB READ on
    /// master) is split as the kernel splits I/O, at max_pages; its FORGET and INTERRUPT go with the last piece.
    /// </summary>
    public static List<(FuseIoOp Op, int QueueDepth)> FromTrace(WorkloadTrace trace, KernelLimits limits)
    {
        var plan = new List<(FuseIoOp, int)>();
        int depth = 0;
        foreach (TraceEntry entry in trace.Entries)
        {
            if (entry.Actor != Kernel)
            {
                throw new FormatException($"trace entry '{entry}': a FUSE trace holds only '{Kernel}' entries");
            }

            if (entry.Op.StartsWith(Depth, StringComparison.Ordinal))
            {
                depth = int.TryParse(entry.Op.AsSpan(Depth.Length), out int d) && d is >= 1 and <= 256 ? d : throw new FormatException($"trace entry '{entry}': the depth must be from 1 to 256");
            }
            else
            {
                FuseIoOp op = FuseIoOp.TryParse(entry.Op, out string? error) ?? throw new FormatException($"trace entry '{entry}': {error}");
                int queueDepth = depth > 0 ? depth : throw new FormatException($"trace entry '{entry}' comes before any '{Depth}N' entry");
                int max = (int)Math.Min(int.MaxValue, op.Write ? limits.MaxWriteRequest : limits.MaxReadRequest);
                for (int done = 0; done < op.Size; done += max)
                {
                    bool last = done + max >= op.Size;
                    plan.Add((op with { Offset = op.Offset + done, Size = Math.Min(max, op.Size - done), Forget = op.Forget && last, Interrupt = op.Interrupt && last }, queueDepth));
                }
            }
        }

        return plan;
    }
}
