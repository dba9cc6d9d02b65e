using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>
/// Scenario files users uploaded or edited, validated, each under an id made from its text's
/// SHA-256, so the same text always gets the same id and a link to it keeps working while it is
/// kept. Bounded in count and size, least recently used first out: the server keeps no files on
/// disk, so a restart (or 200 newer files) forgets a link, and pages say so.
/// </summary>
public sealed partial class ScenarioLibrary
{
    /// <summary>Most files kept.</summary>
    public const int MaxEntries = 200;

    /// <summary>Largest file kept, in UTF-8 bytes (bigger ones run from the CLI, which takes 16 MiB).</summary>
    public const int MaxTextBytes = 1 << 20;

    public const string IdPrefix = "u-";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Id, ScenarioDocument Document)>> _byId = new(StringComparer.Ordinal);

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<(string Id, ScenarioDocument Document)> _recent = new();

    private readonly int _capacity;

    public ScenarioLibrary()
        : this(MaxEntries)
    {
    }

    /// <summary>A library of <paramref name="capacity"/> files (tests use a small one).</summary>
    public ScenarioLibrary(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> has the form of a library id (`u-` and 10 hex digits).</summary>
    public static bool IsId(string? text) => text is not null && IdPattern().IsMatch(text);

    /// <summary>The id <paramref name="text"/> is kept under: `u-` and the first 10 hex digits of its SHA-256.</summary>
    public static string IdOf(string text) =>
        IdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    /// <summary>Every problem with <paramref name="text"/> as a scenario file the dashboard takes; empty when it can run.</summary>
    public static (ScenarioDocument? Document, IReadOnlyList<ScenarioProblem> Problems) Check(string text, string fileName)
    {
        int bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > MaxTextBytes
            ? (null, [new ScenarioProblem(fileName, 1, 1, "", $"the file has {bytes:N0} bytes; the dashboard takes scenario files of at most {MaxTextBytes:N0} (1 MiB)", "run bigger files with the runner: dotnet run --project src/Simulator.Cli -- run FILE")])
            : ScenarioFile.TryParse(text, fileName);
    }

    /// <summary>Validates <paramref name="text"/> and keeps it; the id is null (and nothing is kept) when it has problems.</summary>
    public (string? Id, ScenarioDocument? Document, IReadOnlyList<ScenarioProblem> Problems) Add(string text, string fileName)
    {
        (ScenarioDocument? document, IReadOnlyList<ScenarioProblem> problems) = Check(text, fileName);
        if (document is null)
        {
            return (null, null, problems);
        }

        string id = IdOf(text);
        lock (_gate)
        {
            if (_byId.Remove(id, out LinkedListNode<(string Id, ScenarioDocument Document)>? old))
            {
                // The same text again (or, with odds of 1 in 2^40 per pair, another one with the
                // same id prefix: the newer wins, which only ever redirects an old link).
                _recent.Remove(old);
            }

            _byId[id] = _recent.AddFirst((id, document));
            while (_byId.Count > _capacity)
            {
                _byId.Remove(_recent.Last!.Value.Id);
                _recent.RemoveLast();
            }
        }

        return (id, document, []);
    }

    /// <summary>The file kept under <paramref name="id"/>, which becomes the most recently used; null when it is not kept (never was, or evicted).</summary>
    public ScenarioDocument? Find(string id)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id.ToLowerInvariant(), out LinkedListNode<(string Id, ScenarioDocument Document)>? node))
            {
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Document;
        }
    }

    [GeneratedRegex("^u-[0-9a-f]{10}$", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();
}
