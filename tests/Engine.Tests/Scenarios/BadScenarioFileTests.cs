using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Engine.Tests.Scenarios;

/// <summary>Bad files get exactly these messages (file:line:column: path: message (hint)), all at once, and no scenario.</summary>
public class BadScenarioFileTests
{
    private const string Keep = "name: k\ndescription: d\nsystem: keep\n";

    public static TheoryData<string, string[]> Cases => new()
    {
        {
            "name: a\ndescription: d\nsystem: keep\nphases:\n  - load: closed\n   clients: 3\n",
            ["f.yaml:6:4: malformed YAML: While parsing a block collection, did not find expected '-' indicator. (hint: check the indentation and quoting on this line and the one above)"]
        },
        { "", ["f.yaml:1:1: the file is empty (hint: start from a file in scenarios/, or see docs/scenarios.md)"] },
        { "- 1\n- 2\n", ["f.yaml:1:1: a scenario file is a mapping of fields (name:, system:, options:, phases:) (hint: start from a file in scenarios/)"] },
        {
            "name: x\nsystem: memcached\n",
            [
                "f.yaml:1:1: description: 'description' is required here (text)",
                "f.yaml:2:9: system: must be one of stratum-v2, keep, filestore, fuse, got 'memcached'",
            ]
        },
        {
            Keep + "options:\n  maxBufers: 8\n  scale: 63\nphases:\n  - load: closed\n    clients: 20000\n",
            [
                "f.yaml:5:3: options.maxBufers: unknown field 'maxBufers' (hint: did you mean 'maxBuffers'?)",
                "f.yaml:6:10: options.scale: must be a power of two from 1 to 65536, got 63",
                "f.yaml:9:14: phases[0].clients: must be from 1 to 10000, got 20000",
            ]
        },
        {
            Keep + "options:\n  blocks: -2\n  mode: fastest\nphases:\n  - load: closed\n    clients: 2\n    requestsPerClient: many\n",
            [
                "f.yaml:5:11: options.blocks: must be from 1 to 4096, got -2",
                "f.yaml:6:9: options.mode: must be one of current, legacy, coalescing, got 'fastest'",
                "f.yaml:10:24: phases[0].requestsPerClient: must be a whole number, got 'many'",
            ]
        },
        {
            Keep + "phases:\n  - load: open\n    ratePerSecond: 10\n  - ops: \"g0 g1 q7\"\n  - clients: 4\n",
            [
                "f.yaml:5:5: phases[0].durationMs: 'durationMs' is required here (a number)",
                "f.yaml:7:17: phases[1].ops: 'q7': expected gN (GET block N) or p (PUT a new block) with optional [class,...], then optionally ^ (Origin header) and xMS (disconnect after MS ms), as in g3^x800 or p[hot,archive]",
                "f.yaml:8:5: phases[2]: a phase needs 'load' (closed, open) or 'ops' (hint: for example: '- load: closed' with clients: 10)",
            ]
        },
        {
            Keep + "phases:\n  - load: closed\n    clients: 2\n    keys: { distribution: list, values: [0, 9] }\n    ratePerSecond: 5\n",
            [
                "f.yaml:7:41: phases[0].keys.values: must be from 0 to 3, got 9 (block indexes)",
                "f.yaml:8:5: phases[0].ratePerSecond: 'ratePerSecond' does not apply to a closed phase (hint: fields here: name, load, startMs, clients, requestsPerClient, durationMs, spreadMs, thinkMs, keys, putFraction, storageClasses, originFraction, disconnectFraction, disconnectAfterMs)",
            ]
        },
        {
            "name: s\ndescription: d\nsystem: stratum-v2\noptions:\n  capacity: -1\nphases:\n  - ops: \"+1:5 -2\"\nseed: abc\n",
            [
                "f.yaml:5:13: options.capacity: must be 0 or more bytes, got -1",
                "f.yaml:7:16: phases[0].ops: '-2': slice 2 is not live, so it cannot be dropped",
                "f.yaml:8:7: seed: must be a whole number from 0 to 18446744073709551615 (hint: leave it out for a random seed (the run prints the one it used))",
            ]
        },
        {
            "name: s\ndescription: d\nsystem: stratum-v2\noptions: { capacity: 40 }\nphases:\n  - load: open\n    messages: 0\n    sizes: { distribution: zipf, alpha: 1.5, min: 1, max: 2000000 }\n",
            [
                "f.yaml:7:15: phases[0].messages: must be from 1 to 100000, got 0",
                "f.yaml:8:59: phases[0].sizes.max: must be from 0 to 1048576, got 2000000",
            ]
        },
        {
            "name: f\ndescription: d\nsystem: fuse\noptions:\n  fileBytes: 1MiB\n  pageSize: 8KiB\nphases:\n  - ops: \"r0:64KiB w1MiB:4KiB+z\"\n",
            [
                "f.yaml:6:13: options.pageSize: must be 4096, 16384 or 65536, got 8192",
                "f.yaml:8:20: phases[0].ops: 'w1MiB:4KiB+z': unknown or repeated flag '+z'; expected rOFFSET:SIZE or wOFFSET:SIZE, then optionally +f (FORGET) and +i (INTERRUPT), as in r0:1MiB or w4MiB:4MiB+f",
            ]
        },
        {
            "name: fs\ndescription: d\nsystem: filestore\noptions: { fileBytes: 1MiB }\nphases:\n  - ops: w0 w1 r2\n  - load: closed\n",
            [
                "f.yaml:6:10: phases[0].ops: chunk 2 is read but never written (hint: add w2)",
                "f.yaml:7:5: phases[1]: a filestore scenario has one phase: its writers and readers run together (hint: merge the phases, or write a second file)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadFileGetsExactlyTheseProblemsAndNoScenario(string text, string[] expected)
    {
        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = ScenarioFile.TryParse(text, "f.yaml");
        Assert.Null(document);
        Assert.Equal(expected, problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParseThrowsWithEveryProblem()
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse(Keep + "phases: []\nextra: 1\n", "f.yaml"));
        Assert.Equal(["f.yaml:4:9: phases: at least one phase is needed", "f.yaml:5:1: extra: unknown field 'extra' (hint: fields here: name, title, description, system, seed, options, phases, trace)"], e.Problems.Select(p => p.ToString()));
    }
}
