namespace BufferLab.Simulator.Web.Components.Systems.Fuse;

/// <summary>One field of the INIT exchange in words: its wire name, its value, and what it means here.</summary>
public sealed record InitField(string Name, string Value, string Meaning, string TestId);
