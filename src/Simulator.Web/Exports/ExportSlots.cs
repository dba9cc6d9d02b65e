namespace BufferLab.Simulator.Web.Exports;

/// <summary>The server's places for exports running at once (<see cref="RunExport.MaxConcurrent"/>): each runs a whole simulation on a core.</summary>
public sealed class ExportSlots : IDisposable
{
    public SemaphoreSlim Running { get; } = new(RunExport.MaxConcurrent, RunExport.MaxConcurrent);

    public void Dispose() => Running.Dispose();
}
