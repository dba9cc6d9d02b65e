namespace BufferLab.Simulator.Engine.Tests.StratumV2;

/// <summary>The 72 scripts of shared/vectors/buffer_sv2-traces.txt with their recorded lines, as the real Rust code printed them.</summary>
internal static class RecordedTraces
{
    public sealed record Trace(string Header, int HeaderLine, IReadOnlyList<(int Line, string Text)> Lines);

    public static IReadOnlyList<Trace> Load()
    {
        var traces = new List<Trace>();
        string[] lines = File.ReadAllLines(SharedFiles.Vectors);
        string? header = null;
        int headerLine = 0;
        var body = new List<(int, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("# script ", StringComparison.Ordinal))
            {
                if (header is not null)
                {
                    traces.Add(new Trace(header, headerLine, body.ToArray()));
                }

                header = line;
                headerLine = i + 1;
                body.Clear();
            }
            else if (header is not null && line.Length > 0 && !line.StartsWith('#'))
            {
                body.Add((i + 1, line));
            }
        }

        if (header is not null)
        {
            traces.Add(new Trace(header, headerLine, body.ToArray()));
        }

        return traces;
    }
}
