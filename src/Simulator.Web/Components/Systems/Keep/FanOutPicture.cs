using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>
/// One run's fan-out: how many requests came, how many volume reads they cost, and the fetches that
/// served the most requests (at most <see cref="MaxRows"/>; the rest are counted, since a run without
/// #10541 has one fetch per request, 400 in the herd).
/// </summary>
public sealed record FanOutPicture(string Mode, int Requests, int VolumeReads, long BytesRead, int Fetches, IReadOnlyList<FanOutRow> Rows, int MoreFetches, int MoreRequests, int MostAskedBlock)
{
    /// <summary>Most fetches drawn, most shared first.</summary>
    public const int MaxRows = 8;

    /// <summary>Most fetches drawn that served one request only: more such rows would all look the same.</summary>
    public const int MaxSingleRows = 3;

    /// <summary>The most requests one fetch served in this run.</summary>
    public int MostServed => Rows.Count == 0 ? 0 : Rows.Max(r => r.Served);

    /// <summary>The most GETs of one block (the most one fetch could have served): a fetch bar's full width, so a run that shares nothing still shows what it could have shared.</summary>
    public int Scale => Math.Max(MostServed, MostAskedBlock);

    public static FanOutPicture From(KeepSnapshot snapshot, KeepTotals totals)
    {
        FanOutRow[] rows = [.. snapshot.Flights.Select(f => FanOutRow.Of(f, snapshot.Requests)).OrderByDescending(r => r.Served).ThenBy(r => r.FetchId)];
        FanOutRow[] shown = [.. rows.Where(r => r.Served > 1).Concat(rows.Where(r => r.Served <= 1).Take(MaxSingleRows)).Take(MaxRows)];
        return new FanOutPicture(totals.Mode, totals.Requests, totals.VolumeReads, totals.BytesFromVolumes, rows.Length, shown,
            rows.Length - shown.Length, rows.Sum(r => r.Served) - shown.Sum(r => r.Served),
            snapshot.Requests.Where(r => r.Method == "GET").GroupBy(r => r.Hash).Select(g => g.Count()).DefaultIfEmpty(0).Max());
    }
}
