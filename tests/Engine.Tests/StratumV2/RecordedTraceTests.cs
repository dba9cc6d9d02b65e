using BufferLab.Simulator.Cli;

namespace BufferLab.Simulator.Engine.Tests.StratumV2;

/// <summary>Every line the real Rust buffer_sv2 3.0.1 printed must come out of the C# pool, bugs included.</summary>
public class RecordedTraceTests
{
    public static TheoryData<string> ScriptHeaders()
    {
        var data = new TheoryData<string>();
        foreach (var trace in RecordedTraces.Load())
        {
            data.Add(trace.Header);
        }

        return data;
    }

    [Fact]
    public void VectorsFileHoldsThe72RecordedScripts()
    {
        var traces = RecordedTraces.Load();
        Assert.Equal(72, traces.Count);
        Assert.Equal(4234, traces.Sum(t => t.Lines.Count));
    }

    [Theory]
    [MemberData(nameof(ScriptHeaders))]
    public void ReplayReproducesEveryRecordedLine(string header)
    {
        var trace = RecordedTraces.Load().Single(t => t.Header == header);
        string script = header + "\n" + string.Join("\n", trace.Lines.Select(l => l.Text)) + "\n";
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, script);
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = CliApp.Run(["sv2", "replay", file], output, error);

            Assert.True(exit == 0, error.ToString());
            string[] actual = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(header, actual[0]);
            for (int i = 0; i < trace.Lines.Count; i++)
            {
                string got = i + 1 < actual.Length ? actual[i + 1] : "<no line>";
                Assert.True(trace.Lines[i].Text == got, $"vectors line {trace.Lines[i].Line} differs\nexpected: {trace.Lines[i].Text}\nactual:   {got}");
            }

            Assert.Equal(trace.Lines.Count + 1, actual.Length);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
