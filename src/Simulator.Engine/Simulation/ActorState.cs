namespace BufferLab.Simulator.Engine.Simulation;

public enum ActorState
{
    Due,
    Running,
    Parked,
    Finished,
}
