namespace BufferLab.Simulator.Web.Components.Systems.Filestore;

/// <summary>One row of the bytes-per-reader picture: a kind of bytes, its figure now and at the peak (null: a running total, no peak of its own).</summary>
public sealed record ReaderBytesRow(string Key, string Name, string Meaning, long Now, long? Peak);
