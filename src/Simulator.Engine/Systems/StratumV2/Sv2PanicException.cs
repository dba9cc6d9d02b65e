namespace BufferLab.Simulator.Engine.Systems.StratumV2;

/// <summary>
/// A Rust panic in buffer_sv2, with upstream's panic message. The real code aborts the thread;
/// the simulator surfaces it as a failure event and stops the run there.
/// </summary>
public sealed class Sv2PanicException(string message) : Exception(message)
{
    internal static Sv2PanicException IndexOutOfBounds(int index, int length) =>
        new($"index out of bounds: the len is {length} but the index is {index}");
}
