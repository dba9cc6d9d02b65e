namespace BufferLab.Simulator.Engine.Simulation;

/// <summary>A model whose snapshot is of one known type, so views read it without casting.</summary>
public interface ISimulationModel<out TSnapshot> : ISimulationModel
    where TSnapshot : class
{
    /// <summary>The system's state now, as an immutable record for views and frames.</summary>
    new TSnapshot Snapshot();

    object ISimulationModel.Snapshot() => Snapshot();
}
