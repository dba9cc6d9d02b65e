using System.Globalization;
using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// How much memory each session's run may spend on checkpoints (a step back or a jump restores
/// the nearest one and replays a few steps, instead of replaying from step 0). Configured under
/// <c>BufferLab:Checkpoints</c> (e.g. <c>BufferLab__Checkpoints__BudgetMiB=128</c> in the environment).
/// </summary>
public sealed record CheckpointOptions
{
    public const string Section = "BufferLab:Checkpoints";

    /// <summary>The engine's default budget (<see cref="CheckpointBudget.Default"/>): 128 MiB.</summary>
    public static readonly int DefaultBudgetMiB = (int)(CheckpointBudget.Default.Bytes >> 20);

    /// <summary>The most one session may be given: 128 sessions at this would need far more memory than the runs themselves may take.</summary>
    public const int MaxBudgetMiB = 1024;

    /// <summary>MiB of checkpoints per session; 0 turns them off (every step back replays from step 0). At the budget a run keeps fewer checkpoints, never fails.</summary>
    public int BudgetMiB { get; init; } = DefaultBudgetMiB;

    /// <summary>The engine's budget for one session's run.</summary>
    public CheckpointBudget Budget => BudgetMiB == 0
        ? CheckpointBudget.None
        : CheckpointBudget.Default with { Bytes = (long)BudgetMiB << 20 };

    /// <summary>
    /// <c>BudgetMiB</c> under <see cref="Section"/>, or the default when it is not set. Unlike a
    /// thread count, a budget typed wrong is refused rather than guessed at: the app does not start
    /// and says what it read and what it takes.
    /// </summary>
    public static CheckpointOptions From(IConfiguration configuration)
    {
        string? text = configuration.GetSection(Section)["BudgetMiB"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new CheckpointOptions();
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int mib) || mib is < 0 or > MaxBudgetMiB)
        {
            throw new InvalidOperationException(
                $"{Section}:BudgetMiB is '{text}'; it must be a whole number of MiB from 0 (no checkpoints: every step back replays from step 0) to {MaxBudgetMiB}, the memory each session's checkpoints may take (default {DefaultBudgetMiB}).");
        }

        return new CheckpointOptions { BudgetMiB = mib };
    }
}
