using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>The headline figures of one keepstore run at the step shown.</summary>
public sealed record KeepTotals(
    string Mode,
    double TimeMs,
    int Requests,
    int Responses,
    int VolumeReads,
    long BytesFromVolumes,
    long BytesServed,
    int BuffersInUse,
    int MaxBuffers,
    long AllocatedBytes,
    int Handling,
    int Queued,
    int BufferWaiters,
    int SharedResults,
    int Evictions,
    double LatencyP50Ms,
    double LatencyP99Ms,
    IReadOnlyList<(int Status, int Count)> Statuses);
