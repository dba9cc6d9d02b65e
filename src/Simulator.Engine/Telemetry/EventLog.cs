using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BufferLab.Simulator.Engine.Simulation;
using System.Text.Json.Serialization;

namespace BufferLab.Simulator.Engine.Telemetry;

/// <summary>
/// The ordered events of one run. Written as JSON lines, it is byte-identical for the same
/// scenario and seed; its SHA-256 names a run's behaviour in reports.
/// </summary>
public sealed class EventLog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly RewindableLog<LoggedEvent> _events = new();

    public int Count => _events.Count;

    public IReadOnlyList<LoggedEvent> Events => _events;

    public void Append(int step, TimeSpan time, SimEvent simEvent) => _events.Append(new LoggedEvent(step, time, simEvent));

    /// <summary>Rewinds (or winds on) the log to its first <paramref name="count"/> events, for a run restored to a checkpoint; false when fewer are known.</summary>
    internal bool MoveTo(int count) => _events.MoveTo(count);

    /// <summary>Where the events of <paramref name="step"/> begin when it is the last step logged (the log's tail); <see cref="Count"/> when it logged none.</summary>
    public int StartOfLastStep(int step)
    {
        int first = _events.Count;
        while (first > 0 && _events[first - 1].Step == step)
        {
            first--;
        }

        return first;
    }

    /// <summary>One JSON object: step, virtual time in microseconds, event name, then the event's fields.</summary>
    public static string ToJsonLine(LoggedEvent logged)
    {
        var line = new StringBuilder();
        line.Append("{\"step\":").Append(logged.Step)
            .Append(",\"timeUs\":").Append(VirtualTime.Micros(logged.Time))
            .Append(",\"event\":\"").Append(logged.Name).Append('"');
        string fields = JsonSerializer.Serialize(logged.Event, logged.Event.GetType(), JsonOptions);
        if (fields.Length > 2)
        {
            line.Append(',').Append(fields, 1, fields.Length - 1);
        }
        else
        {
            line.Append('}');
        }

        return line.ToString();
    }

    public void WriteJsonLines(TextWriter writer)
    {
        foreach (LoggedEvent logged in _events)
        {
            writer.Write(ToJsonLine(logged));
            writer.Write('\n');
        }
    }

    public string ToJsonLines()
    {
        using var writer = new StringWriter();
        WriteJsonLines(writer);
        return writer.ToString();
    }

    /// <summary>The marks of the events from <paramref name="from"/> on (mode changes, failures, broken invariants, faults), at most <paramref name="max"/>.</summary>
    public IReadOnlyList<TimelineMark> Marks(int from = 0, int max = 10_000)
    {
        var marks = new List<TimelineMark>();
        for (int i = Math.Max(0, from); i < _events.Count && marks.Count < max; i++)
        {
            if (_events[i].Event is IMarksTimeline { Mark: { } mark })
            {
                marks.Add(new TimelineMark(_events[i].Step, VirtualTime.Micros(_events[i].Time), mark.Kind, mark.Label));
            }
        }

        return marks;
    }

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 JSON lines.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJsonLines())));
}
