namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// A direct cross-check of the MemoryDiagnoser figure. In-process, BenchmarkDotNet counts the
/// allocations of every thread in the process (the harness included), so it can report a few bytes
/// for allocation-free code; counting this thread's allocations around a warm invocation cannot.
/// </summary>
internal static class AllocationCheck
{
    private const int WarmInvocations = 3;

    public static long BufferPoolBytesPerInvocation()
    {
        var benchmarks = new NoThreadBenchmarks();
        benchmarks.Setup();
        for (int i = 0; i < WarmInvocations; i++)
        {
            benchmarks.BufferPool();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        benchmarks.BufferPool();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
