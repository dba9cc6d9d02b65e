namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>A shortcut's key as the browser listens for it (wwwroot/js/shortcuts.js), and the element it focuses by itself, if any.</summary>
public sealed record BrowserKey(string Key, string? Focus);
