using System.Globalization;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Keep;

/// <summary>
/// One fetch as the fan-out diagram draws it: the request that started it, the requests that shared
/// its buffer while it read (<see cref="Joined"/>) or once it was Ready (<see cref="FromReady"/>), and
/// what the volumes were asked for.
/// </summary>
public sealed partial record FanOutRow(int FetchId, string Hash, int? Buffer, string Outcome, string? Volume, int VolumeReads, long BytesRead, int Starter, int Joined, int FromReady)
{
    /// <summary>Requests this one fetch answered.</summary>
    public int Served => 1 + Joined + FromReady;

    /// <summary>A #10541 buffer a PUT filled: later GETs read it, no volume was read.</summary>
    public bool Written => Outcome == "written by PUT";

    public bool Reading => Outcome == "reading";

    public bool Failed => !(Written || Reading || Outcome == "ok");

    /// <summary>"volume 1" for keepstore's "zzzzz-nyw5e-000000000000001".</summary>
    public string VolumeText => Volume is null ? "no volume"
        : TrailingNumber().Match(Volume) is { Success: true } m ? $"volume {int.Parse(m.Value, CultureInfo.InvariantCulture)}" : Volume;

    /// <summary>The short right-hand note: what was read and how the fetch ended.</summary>
    public string ReadText => Written ? "written by a PUT, no read"
        : Reading ? $"reading {VolumeText}: {Units.Bytes(BytesRead)} so far"
        : $"{Units.Bytes(BytesRead)} from {VolumeText}{(VolumeReads > 1 ? $" ({VolumeReads} reads)" : "")} · {(Failed ? "failed" : Outcome)}";

    /// <summary>Everything about the fetch, for its hover text.</summary>
    public string Title
    {
        get
        {
            string what = Written
                ? $"block {Hash} written into buffer #{Buffer} by PUT #{Starter}; no volume read"
                : $"fetch #{FetchId} of block {Hash}{(Buffer is { } b ? $" into buffer #{b}" : "")}: request #{Starter} read {Units.Bytes(BytesRead)} from {Volume ?? "no volume yet"} ({VolumeReads} volume read{(VolumeReads == 1 ? "" : "s")})";
            return $"{what}; served {Served} request{(Served == 1 ? "" : "s")}: {Joined} shared the fetch while it read, {FromReady} were served from the Ready buffer afterwards; {Outcome}";
        }
    }

    /// <summary>The row of <paramref name="flight"/>; a sharer that ever waited in the Joined phase shared the read, the others hit the Ready buffer.</summary>
    public static FanOutRow Of(FlightView flight, IReadOnlyList<KeepRequestView> requests)
    {
        int joined = 0;
        foreach (int id in flight.Requests.Skip(1))
        {
            KeepRequestView? request = id >= 1 && id <= requests.Count && requests[id - 1].Id == id ? requests[id - 1] : requests.FirstOrDefault(r => r.Id == id);
            if (request?.Segments.Any(s => s.Phase == "Joined") == true)
            {
                joined++;
            }
        }

        int sharers = Math.Max(0, flight.Requests.Count - 1);
        return new FanOutRow(flight.Id, flight.Hash, flight.Buffer, flight.Outcome, flight.Volume, flight.VolumeReads, flight.BytesRead,
            flight.Requests.Count > 0 ? flight.Requests[0] : 0, joined, sharers - joined);
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();
}
