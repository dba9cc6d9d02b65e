using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// The keyboard shortcuts of this circuit, in one place: a component registers each key it
/// answers with a description (and disposes the registration when it goes), the browser sends
/// the registered keys here (wwwroot/js/shortcuts.js: never while typing in a field or inside a
/// dialog), and the `?` help lists exactly what is registered. To add a shortcut, take this
/// registry as a cascading parameter and call <see cref="Register"/>.
/// </summary>
public sealed class ShortcutRegistry
{
    /// <summary>The help's headings, in this order; a group not listed here comes after them.</summary>
    public static readonly IReadOnlyList<string> GroupOrder = ["Play", "Move", "Timeline", "Page"];

    private readonly List<(Shortcut Shortcut, Func<Task> Handler)> _entries = [];

    /// <summary>Raised when a shortcut is registered or removed (the browser's key list follows).</summary>
    public event Action? Changed;

    /// <summary>The keys answered now; when two registrations share a key, the later one answers.</summary>
    public IReadOnlyList<string> Keys => [.. Current().Select(e => e.Shortcut.Key)];

    /// <summary>What the browser listens for: each key, and the element it focuses by itself (null: it calls <see cref="Invoke"/>).</summary>
    public IReadOnlyList<BrowserKey> BrowserKeys => [.. Current().Select(e => new BrowserKey(e.Shortcut.Key, e.Shortcut.Focus))];

    /// <summary>What the help lists: one shortcut per key, by group (<see cref="GroupOrder"/>), then in the order they were registered.</summary>
    public IReadOnlyList<Shortcut> All => [.. Current().Select(e => e.Shortcut).OrderBy(s => GroupRank(s.Group))];

    /// <summary>Answers <paramref name="shortcut"/>'s key with <paramref name="handler"/> until the returned registration is disposed.</summary>
    public IDisposable Register(Shortcut shortcut, Func<Task> handler)
    {
        var entry = (shortcut, handler);
        _entries.Add(entry);
        Changed?.Invoke();
        return new Registration(() =>
        {
            if (_entries.Remove(entry))
            {
                Changed?.Invoke();
            }
        });
    }

    /// <summary>A shortcut that focuses <see cref="Shortcut.Focus"/> in the browser (nothing runs here).</summary>
    public IDisposable Register(Shortcut shortcut) => Register(shortcut, () => Task.CompletedTask);

    /// <summary>Called by the browser with a registered key; a key no longer registered does nothing.</summary>
    [JSInvokable]
    public Task Invoke(string key)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Shortcut.Key == key)
            {
                return _entries[i].Handler();
            }
        }

        return Task.CompletedTask;
    }

    private IEnumerable<(Shortcut Shortcut, Func<Task> Handler)> Current() =>
        _entries.Where((e, i) => !_entries.Skip(i + 1).Any(later => later.Shortcut.Key == e.Shortcut.Key));

    private static int GroupRank(string group)
    {
        int rank = GroupOrder.ToList().IndexOf(group);
        return rank < 0 ? GroupOrder.Count : rank;
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose()
        {
            _remove?.Invoke();
            _remove = null;
        }
    }
}
