namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The inputs of upstream's `bench_no_thread` (sv2/buffer-sv2/benches/control_struct.rs).
/// Upstream draws lengths from thread_rng inside the measured loop and reads a random file; here
/// both come from fixed seeds, generated once in GlobalSetup, so every benchmark method sees the
/// same 2000 messages and no RNG runs while measuring.
/// </summary>
internal static class UpstreamWorkload
{
    /// <summary>Upstream `2_usize.pow(16) * 5`.</summary>
    public const int Capacity = 65_536 * 5;

    /// <summary>Upstream FILE_LEN, the size of fuzz/random.</summary>
    public const int DataLength = 5_242_880;

    /// <summary>Each iteration writes and hands out its message twice: 2000 messages per invocation.</summary>
    public const int Iterations = 1000;

    /// <summary>Upstream writes in chunks of exactly this many bytes.</summary>
    public const int ChunkLength = 10;

    private const int DataSeed = 20_240_501;
    private const int LengthSeed = 16_384;

    public static byte[] CreateData()
    {
        var data = new byte[DataLength];
        new Random(DataSeed).NextBytes(data);
        return data;
    }

    /// <summary>Upstream `2^14 - rng.gen_range(0..12000)`: 4385..16384 bytes.</summary>
    public static int[] CreateLengths()
    {
        var random = new Random(LengthSeed);
        var lengths = new int[Iterations];
        for (int i = 0; i < lengths.Length; i++)
        {
            lengths[i] = 16_384 - random.Next(0, 12_000);
        }

        return lengths;
    }
}
