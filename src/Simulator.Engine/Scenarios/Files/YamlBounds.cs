using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace BufferLab.Simulator.Engine.Scenarios.Files;

/// <summary>
/// Limits a scenario file must keep before it is parsed into nodes: how deeply its collections
/// nest, how many aliases it has, and how many bytes its aliases repeat (an alias of an anchored
/// op string or sequence counts the whole anchored text again, nested aliases included). Checked
/// on YamlDotNet's token stream, which does not recurse: building the node tree does, one stack
/// frame per level, and 60,000 levels end the process with a stack overflow no catch can stop.
/// </summary>
internal static class YamlBounds
{
    /// <summary>Deepest nesting of mappings and sequences (a scenario file needs about 6).</summary>
    public const int MaxDepth = 32;

    /// <summary>Most aliases (<c>*name</c>) in one file.</summary>
    public const int MaxAliases = 64;

    /// <summary>Most bytes all aliases together may repeat.</summary>
    public const int MaxAliasedBytes = 1 << 20;

    /// <summary>The first limit <paramref name="text"/> breaks, as a problem at its line; null when it keeps them all (or is malformed: the parser says where).</summary>
    public static ScenarioProblem? Check(string text, string fileName)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<OpenAnchor>(); // anchored collections not yet closed
        string? pendingAnchor = null; // an anchor whose node has not started yet
        int depth = 0;
        int aliases = 0;
        long aliased = 0;
        try
        {
            while (scanner.MoveNext())
            {
                Token token = scanner.Current!;
                switch (token)
                {
                    case Anchor anchor:
                        pendingAnchor = anchor.Value.Value;
                        continue;
                    case BlockMappingStart or BlockSequenceStart or FlowMappingStart or FlowSequenceStart:
                        if (++depth > MaxDepth)
                        {
                            return Problem(fileName, token, $"the file nests deeper than {MaxDepth} levels", "a scenario file needs a few levels; see scenarios/ for the shape");
                        }

                        if (pendingAnchor is not null)
                        {
                            open.Push(new OpenAnchor(pendingAnchor, depth, token.Start.Index));
                            pendingAnchor = null;
                        }

                        continue;
                    case BlockEnd or FlowMappingEnd or FlowSequenceEnd:
                        while (open.Count > 0 && open.Peek().Depth == depth)
                        {
                            OpenAnchor done = open.Pop();
                            anchors[done.Name] = token.End.Index - done.Start + done.Repeated;
                        }

                        depth--;
                        continue;
                    case Scalar scalar when pendingAnchor is not null:
                        anchors[pendingAnchor] = scalar.End.Index - scalar.Start.Index;
                        pendingAnchor = null;
                        continue;
                    case AnchorAlias alias:
                        if (++aliases > MaxAliases)
                        {
                            return Problem(fileName, token, $"the file has more than {MaxAliases} aliases", "write the values out, or use fewer aliases");
                        }

                        long size = anchors.GetValueOrDefault(alias.Value.Value);
                        aliased += size;
                        foreach (OpenAnchor enclosing in open)
                        {
                            enclosing.Repeated += size;
                        }

                        if (aliased > MaxAliasedBytes)
                        {
                            return Problem(fileName, token, $"aliases repeat more than {MaxAliasedBytes} bytes of the file ({aliased} by here)", "aliases may not blow a small file up into a large one: write shorter values");
                        }

                        continue;
                }
            }
        }
        catch (YamlException)
        {
            // Malformed: the parser reports it at its place. It reads no further than the
            // scanner did, and nothing above the depth limit was reached.
        }

        return null;
    }

    private static ScenarioProblem Problem(string fileName, Token at, string message, string hint) =>
        new(fileName, (int)Math.Max(1, at.Start.Line), (int)Math.Max(1, at.Start.Column), "", message, hint);

    private sealed class OpenAnchor(string name, int depth, long start)
    {
        public string Name { get; } = name;

        public int Depth { get; } = depth;

        public long Start { get; } = start;

        /// <summary>Bytes the aliases inside this anchored node repeat: an alias of it repeats them too.</summary>
        public long Repeated { get; set; }
    }
}
