using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Formats the state after an op exactly as shared/vectors/buffer_sv2-traces.txt does:
/// `op | map mode ss=.. m=.. r=..+.. b=..,.. f=.. s=.. [slots] i=.. CORRUPT:..`, or `op | PANIC msg`.
/// </summary>
public static class Sv2TraceLine
{
    public static string Format(Sv2Op op, Sv2Model model, Sv2StepResult result)
    {
        if (result.Panic is not null)
        {
            return $"{op.Text} | PANIC {result.Panic}";
        }

        BufferPool pool = model.Pool;
        InnerMemory memory = pool.Memory;
        var line = new StringBuilder(160);
        line.Append(op.Text).Append(" | ");
        for (int index = 1; index <= BufferPoolLimits.PoolCapacity; index++)
        {
            if (index > 1)
            {
                line.Append(',');
            }

            int[] ids = model.HoldersOf(index).Select(s => s.Id).ToArray();
            line.Append(ids.Length == 0 ? "-" : string.Join('/', ids));
        }

        line.Append(' ').Append(pool.Mode switch { PoolMode.Back => 'B', PoolMode.Front => 'F', _ => 'A' });
        line.Append(CultureInfo.InvariantCulture, $" ss={pool.SharedState.Load():x2} m={memory.Len} r={memory.RawOffset}+{memory.RawLength}");
        line.Append(CultureInfo.InvariantCulture, $" b={pool.Back.BackStart},{pool.Back.Len} f=");
        line.Append(pool.Mode == PoolMode.Front
            ? string.Create(CultureInfo.InvariantCulture, $"{pool.Front.BackStart},{pool.Front.ByteCapacity},{pool.Front.Len}")
            : "-");
        line.Append(CultureInfo.InvariantCulture, $" s={pool.SystemMemory.Length} [");
        ReadOnlySpan<SlotRecord> slots = memory.Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            line.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? " " : "")}{slots[i].Offset}+{slots[i].Length}");
        }

        line.Append(']');
        if (result.Index is int returned)
        {
            line.Append(" i=").Append(returned == Sv2StepResult.HeapIndex ? "heap" : returned.ToString(CultureInfo.InvariantCulture));
        }

        // The recorder checked slice bytes after every op but a plain chunk (`wID:N`), so those
        // lines carry no CORRUPT marker even while a slice is corrupt; the model still reports it.
        IReadOnlyList<int> corrupt = op.Kind == Sv2OpKind.Chunk ? [] : result.CorruptIds;
        foreach (int id in corrupt)
        {
            line.Append(" CORRUPT:").Append(id);
        }

        return line.ToString();
    }
}
