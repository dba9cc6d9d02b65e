using BufferLab.Simulator.Engine.Scenarios.StratumV2;

namespace BufferLab.Simulator.Engine.Models.StratumV2;

/// <summary>
/// Checks that a sequence of ops uses ids consistently before anything runs: a slice id is handed
/// out only while not live, and only live slices are dropped or cloned.
/// </summary>
public static class Sv2OpValidator
{
    /// <summary>Null when valid; else the 0-based position of the first bad op and why.</summary>
    public static (int Position, string Message)? FindError(IReadOnlyList<Sv2Op> ops)
    {
        var live = new HashSet<int>();
        for (int i = 0; i < ops.Count; i++)
        {
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
