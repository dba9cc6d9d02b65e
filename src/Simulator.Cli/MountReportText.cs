using System.Globalization;
using System.Text;
using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.Fuse.Mount;

namespace BufferLab.Simulator.Cli;

/// <summary>A real-mount report as text: INIT, opcodes, the size histogram, transfers, buffer costs, and the unmount.</summary>
public static class MountReportText
{
    public static string Format(MountReport report)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line($"real FUSE mount: {report.Description}");
        if (report.Init is { } init)
        {
            Line($"INIT  kernel {init.KernelProtocol} ({init.KernelInitInBytes}-byte init_in, max_readahead {SizeText.Format(init.KernelMaxReadahead)}, flags 0x{init.KernelFlags:x8})");
            Line($"      reply  {init.ReplyProtocol}: max_write {SizeText.Format(init.ReplyMaxWrite)}, max_pages {init.ReplyMaxPages} (kernel's max_pages_limit {init.MaxPagesLimit}: {init.EffectiveMaxPages} pages), max_readahead {SizeText.Format(init.ReplyMaxReadahead)}");
            Line($"      reply flags: {string.Join(" ", init.ReplyFlagNames)}");
        }
        else
        {
            Line("INIT  never answered");
        }

        Line("requests: " + string.Join(", ", report.Opcodes.Select(o => $"{o.Key} {o.Value}")));
        Line("READ/WRITE sizes (up to):");
        foreach (SizeBucket bucket in report.Sizes)
        {
            Line($"  {SizeText.Format(bucket.UpToBytes),8}  reads {bucket.Reads,6}  writes {bucket.Writes,6}");
        }

        foreach (DdResult t in report.Transfers)
        {
            Line($"{t.Direction,-5} {SizeText.Format(t.Bytes)} in {t.Seconds.ToString("0.000", CultureInfo.InvariantCulture)} s = {t.GigabytesPerSecond.ToString("0.00", CultureInfo.InvariantCulture)} GB/s, "
                + (t.Verified ? "data verified" : t.Error is { } error ? $"FAILED: {error}" : "DATA DIFFERS"));
        }

        DataRequestCosts c = report.Costs;
        Line($"per READ/WRITE after warm-up ({c.Requests} requests): heap {c.HeapBytesPerRequest:0} B, library copies {c.LibraryCopiesPerRequest:0} B, "
            + $"pool blocks {c.BlocksPerRequest:0.0}, .NET allocated {c.AllocatedBytesPerRequest:0} B (max {c.MaxAllocatedBytes} B)");
        if (report.Errors.Count > 0)
        {
            Line("error replies: " + string.Join(", ", report.Errors.Select(e => $"errno {e.Key} x {e.Value}")));
        }

        foreach (string error in report.ProtocolErrors)
        {
            Line($"ReadOp error: {error}");
        }

        if (report.Stopped is { } stopped)
        {
            Line($"stopped: {stopped}");
        }

        Line($"unmounted: {(report.Unmounted ? "true" : "false")}");
        return text.ToString();
    }
}
