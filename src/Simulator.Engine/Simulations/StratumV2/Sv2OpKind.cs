using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>The operations of the buffer_sv2 op grammar (the vectors file's, plus clone).</summary>
public enum Sv2OpKind
{
    /// <summary>`+ID:N`: one get_writable(N), then get_data_owned; the slice stays live as ID.</summary>
    Message,

    /// <summary>`wID:N`: one get_writable(N) only, a chunk of a message still being written.</summary>
    Chunk,

    /// <summary>`wID:N+g`: a final chunk, then get_data_owned.</summary>
    ChunkThenGet,

    /// <summary>`gID`: get_data_owned, ending the message started by chunks.</summary>
    Get,

    /// <summary>`-A,B,..`: drop the live slices with these ids, in this order.</summary>
    Drop,

    /// <summary>`cA>B`: clone slice A as B (upstream's `Slice: Clone`, bug B7).</summary>
    Clone,
}
