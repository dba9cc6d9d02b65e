namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors the `Buffer` trait in sv2/buffer-sv2/src/lib.rs (the parts the simulator drives).
public interface IBuffer
{
    /// <summary>Bytes of the message being written so far.</summary>
    int Length { get; }

    /// <summary>Extends the message being written by <paramref name="length"/> bytes and returns them to fill.</summary>
    Span<byte> GetWritable(int length);

    /// <summary>Ends the message being written and hands it out as a slice.</summary>
    Slice GetDataOwned();
}
