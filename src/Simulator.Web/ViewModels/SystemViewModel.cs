using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// The view model of one system's page: it knows the system's model type, so both runs' snapshots
/// reach the page typed. A session of another system here is a programming error, said once.
/// </summary>
public abstract class SystemViewModel<TModel, TSnapshot>(SessionRegistry registry) : ComparedViewModel(registry)
    where TModel : class, ISimulationModel<TSnapshot>
    where TSnapshot : class
{
    /// <summary>This run's state at the step shown.</summary>
    public TSnapshot? Snapshot { get; private set; }

    /// <summary>The compared run's state at its step; null without a compared run.</summary>
    public TSnapshot? CompareSnapshot { get; private set; }

    protected sealed override void ReadMain(Run run)
    {
        TModel model = ModelOf(run);
        Snapshot = model.Snapshot();
        ReadMain(run, model, Snapshot);
    }

    protected sealed override void ReadCompare(Run? run)
    {
        TModel? model = run is null ? null : ModelOf(run);
        CompareSnapshot = model?.Snapshot();
        ReadCompare(run, model);
    }

    /// <summary>Reads more of the main run than its snapshot (under its session's lock).</summary>
    protected virtual void ReadMain(Run run, TModel model, TSnapshot snapshot)
    {
    }

    /// <summary>Reads more of the compared run than its snapshot (under its session's lock); nulls when there is none.</summary>
    protected virtual void ReadCompare(Run? run, TModel? model)
    {
    }

    /// <summary>The run's model as this page's system has it.</summary>
    protected static TModel ModelOf(Run run) =>
        run.Model as TModel ?? throw new InvalidOperationException($"a {typeof(TModel).Name} page was given a {run.Model.System} run");
}
