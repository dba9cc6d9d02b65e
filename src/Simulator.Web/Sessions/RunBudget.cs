using System.Globalization;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// What the dashboard lets runs take, checked from the scenario before anything is built
/// (<see cref="ISystemDefinition.Cost"/>): per session, and for all open sessions together. Over
/// budget is a refusal that says how much, the limit, and what in the file to lower.
/// </summary>
public static class RunBudget
{
    /// <summary>Most memory one session's run may hold (blocks, buffers, files served).</summary>
    public const long MaxSessionMemory = 1L << 30;

    /// <summary>Most bytes one session's run may write to disk (the filestore's file).</summary>
    public const long MaxSessionDisk = 2L << 30;

    /// <summary>Most memory all open sessions together may hold.</summary>
    public const long MaxServerMemory = 6L << 30;

    /// <summary>Most bytes all open sessions together may keep on disk.</summary>
    public const long MaxServerDisk = 8L << 30;

    /// <summary><paramref name="scenario"/>'s cost, or a refusal when one session may not take that much.</summary>
    public static RunCost Check(IScenario scenario)
    {
        RunCost cost = SystemCatalog.Of(scenario).Cost(scenario);
        Refuse(cost.MemoryBytes, MaxSessionMemory, "of memory", "a session", cost);
        Refuse(cost.DiskBytes, MaxSessionDisk, "on disk", "a session", cost);
        return cost;
    }

    /// <summary>Refuses <paramref name="cost"/> when the open sessions, holding <paramref name="memory"/> and <paramref name="disk"/>, leave no room for it.</summary>
    public static void CheckServer(RunCost cost, long memory, long disk)
    {
        Refuse(memory + cost.MemoryBytes, MaxServerMemory, "of memory with the sessions open now", "the server's sessions together", cost);
        Refuse(disk + cost.DiskBytes, MaxServerDisk, "on disk with the sessions open now", "the server's sessions together", cost);
    }

    private static void Refuse(long bytes, long limit, string what, string who, RunCost cost)
    {
        if (bytes > limit)
        {
            throw new SessionRequestException(string.Create(CultureInfo.InvariantCulture,
                $"this run would take {Units.Bytes(bytes)} {what}; {who} may take at most {Units.Bytes(limit)}: {cost.ToLower}"));
        }
    }
}
