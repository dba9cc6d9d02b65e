using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>Turns the events of one step into plain sentences: what was called, which edge of the state machine fired and why.</summary>
public static class StepExplainer
{
    public static string Explain(int step, IReadOnlyList<LoggedEvent> events)
    {
        if (step == 0)
        {
            return "Step 0: a fresh pool in Back mode, every slot free. Step forward to run the first op.";
        }

        var text = new StringBuilder();
        foreach (SimEvent e in events.Select(l => l.Event))
        {
            string? sentence = e switch
            {
                OpApplied op => $"Step {step}: {op.Op} ({Describe(op.Op)}) by {op.Actor}.",
                Reset r => r.From == r.To && r.From == Engine.Systems.StratumV2.PoolMode.Alloc
                    ? $"Every slice is dropped (ss = 0), but the {r.CarriedBytes} heap bytes do not fit the pool, so it stays in Alloc (edge 13, E2)."
                    : $"Every slice is dropped (ss = 0), so get_writable resets the pool to Back mode first (edge 13){(r.CarriedBytes > 0 ? $", carrying {r.CarriedBytes} bytes already written" : "")}.",
                ModeChanged m => $"{m.From} → {m.To} (edge {m.Edge}): {m.Cause}.",
                BytesMoved b => $"{b.Bytes} in-progress bytes are copied ({b.Kind switch { Engine.Systems.StratumV2.BytesMoveKind.PoolToHeap => "pool to heap", Engine.Systems.StratumV2.BytesMoveKind.HeapToPool => "heap to pool", _ => $"from offset {b.FromOffset} to {b.ToOffset}" }}).",
                HeapFallback h => $"{h.Bytes} bytes go to the heap buffer (BufferFromSystemMemory), not the pool.",
                SliceWritten w when w.OnHeap => $"Message {w.Id} (label {w.Label}) is handed out as a heap slice of {w.Length} bytes: no slot, index 59.",
                SliceWritten w when w.Index == 59 => $"Message {w.Id} is empty: it gets index 59 and no slot.",
                SliceWritten w => $"Message {w.Id} (label {w.Label}) gets index {w.Index}, bytes {w.Offset}..{w.Offset + w.Length} ({w.Mode} mode).",
                SliceDropped d => d.Index == 59 ? $"Slice {d.Id} is dropped; it held no slot." : $"Slice {d.Id} is dropped: bit {d.Index} is toggled, ss = {d.SharedStateAfter}.",
                SliceCloned c => $"Slice {c.Id} is cloned as {c.CloneId}: both alias index {c.Index} and the same bytes (bug B7).",
                InvariantViolated v => $"⚠ {v.Kind}: {v.Detail}.",
                _ => null,
            };
            if (sentence is not null && !text.ToString().Contains(sentence, StringComparison.Ordinal))
            {
                text.Append(sentence).Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>What an op-string token calls, in the crate's terms.</summary>
    public static string Describe(string op) => op.Length == 0 ? "" : op[0] switch
    {
        '+' => "get_writable then get_data_owned",
        'w' when op.EndsWith("+g", StringComparison.Ordinal) => "a last chunk, then get_data_owned",
        'w' => "a chunk: get_writable only",
        'g' => "get_data_owned",
        '-' => "drop",
        'c' => "Slice::clone",
        _ => op.ToString(CultureInfo.InvariantCulture),
    };
}
