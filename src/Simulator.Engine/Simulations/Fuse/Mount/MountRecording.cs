using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

/// <summary>
/// A real mount's READs and WRITEs as a FUSE trace file: the mount's options as the scenario, the
/// kernel's requests at their measured times, one in flight (the daemon served them one by one).
/// `run`/`replay` and the dashboard then send exactly what the real kernel sent.
/// </summary>
public static class MountRecording
{
    public const ulong Seed = 1;

    public static string ToScenarioText(MountOptions options, IEnumerable<RequestRecord> requests)
    {
        FuseScenario scenario = options.Scenario();
        string total = SizeText.Format(options.TotalBytes), block = SizeText.Format(options.BlockBytes);
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            name: {scenario.Name}
            title: {ScenarioText.Scalar($"Real mount: {FuseChoices.Modes.NameOf(options.Mode)}, {(options.Direct ? "direct" : "buffered")}, bs {block}")}
            description: {ScenarioText.Scalar($"The requests a Linux kernel sent to a real /dev/fuse mount ({options.Describe()}), recorded by `Simulator.Cli mount --record`.")}
            system: fuse
            options:
              mode: {FuseChoices.Modes.NameOf(options.Mode)}
              maxMessageSize: {SizeText.Format(options.MaxMessageSize)}
              maxPagesLimit: {scenario.MaxPagesLimit}
              fileBytes: {total}
              directIo: {(options.Direct ? "true" : "false")}{(options.ReadsFromData ? "\n  readsFromData: true" : "")}
            phases:
              - load: closed
                clients: 1
                ioBytes: {block}

            """);
        if (options.Write)
        {
            text.Append(CultureInfo.InvariantCulture, $"    sequentialWriteBytes: {total}\n");
        }

        if (options.Read)
        {
            text.Append(CultureInfo.InvariantCulture, $"    sequentialReadBytes: {total}\n");
        }

        var entries = new List<TraceEntry> { new(TimeSpan.Zero, FusePlan.Kernel, FusePlan.Depth + "1") };
        entries.AddRange(requests.Where(r => r.IsData && r.Error == 0).Select(r =>
            new TraceEntry(VirtualTime.FromMicros(Math.Round(r.AtMicros, 1)), FusePlan.Kernel, new FuseIoOp(r.Opcode == "WRITE", r.Offset, r.Size).ToString())));
        return ScenarioText.WithTrace(text.ToString(), Seed, entries);
    }
}
