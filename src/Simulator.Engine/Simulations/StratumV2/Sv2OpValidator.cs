using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Checks that a sequence of ops uses ids consistently before anything runs: a slice id is handed
/// out only while not live, and only live slices are dropped or cloned.
/// </summary>
public static class Sv2OpValidator
{
    /// <summary>Most bytes one script may write in all (64 MiB): each chunk is bounded, and so is their sum.</summary>
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    /// <summary>Null when valid; else the 0-based position of the first bad op and why.</summary>
    public static (int Position, string Message)? FindError(IReadOnlyList<Sv2Op> ops)
    {
        var live = new HashSet<int>();
        long written = 0;
        for (int i = 0; i < ops.Count; i++)
        {
            written += ops[i].Writes ? ops[i].Length : 0;
            if (written > MaxTotalBytes)
            {
                return (i, $"'{ops[i].Text}': the script would write more than {MaxTotalBytes} bytes in all");
            }

            string? error = Check(ops[i], live);
            if (error is not null)
            {
                return (i, $"'{ops[i].Text}': {error}");
            }
        }

        return null;
    }

    /// <summary>Checks one op against the live ids and applies it to them; null when valid.</summary>
    public static string? Check(Sv2Op op, ISet<int> live)
    {
        switch (op.Kind)
        {
            case Sv2OpKind.Drop:
                foreach (int id in op.DropIds)
                {
                    if (!live.Remove(id))
                    {
                        return $"slice {id} is not live, so it cannot be dropped";
                    }
                }

                return null;
            case Sv2OpKind.Clone:
                if (!live.Contains(op.Id))
                {
                    return $"slice {op.Id} is not live, so it cannot be cloned";
                }

                return live.Add(op.CloneId) ? null : $"slice {op.CloneId} is already live; a clone needs a new id";
            default:
                if (op.HandsOut && !live.Add(op.Id))
                {
                    return $"slice {op.Id} is already live; drop it before reusing its id";
                }

                return null;
        }
    }
}
