namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// A keyboard shortcut: <paramref name="Key"/> is the browser's KeyboardEvent.key (letters in
/// lower case; " " for space), <paramref name="Label"/> what the help shows for it, and
/// <paramref name="Group"/> the help's heading it is listed under. A shortcut with a
/// <paramref name="Focus"/> selector only focuses that element, in the browser at once (no round
/// trip, so what is typed next lands in it).
/// </summary>
public sealed record Shortcut(string Key, string Label, string Description, string Group, string? Focus = null);
