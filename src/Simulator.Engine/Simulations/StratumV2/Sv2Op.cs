using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>One parsed operation; <see cref="Text"/> is the token exactly as written.</summary>
public sealed record Sv2Op(Sv2OpKind Kind, string Text, int Id, int Length = 0, IReadOnlyList<int>? Ids = null)
{
    /// <summary>The ids a Drop releases (empty for other kinds).</summary>
    public IReadOnlyList<int> DropIds => Ids ?? [];

    /// <summary>The new id a Clone creates.</summary>
    public int CloneId => Length;

    /// <summary>Whether the op calls get_writable.</summary>
    public bool Writes => Kind is Sv2OpKind.Message or Sv2OpKind.Chunk or Sv2OpKind.ChunkThenGet;

    /// <summary>Whether the op ends with get_data_owned, so it hands out a slice.</summary>
    public bool HandsOut => Kind is Sv2OpKind.Message or Sv2OpKind.ChunkThenGet or Sv2OpKind.Get;

    public override string ToString() => Text;

    public static Sv2Op Message(int id, int length) => new(Sv2OpKind.Message, $"+{id}:{length}", id, length);

    public static Sv2Op Chunk(int id, int length, bool thenGet) =>
        thenGet ? new(Sv2OpKind.ChunkThenGet, $"w{id}:{length}+g", id, length) : new(Sv2OpKind.Chunk, $"w{id}:{length}", id, length);

    public static Sv2Op Drop(params int[] ids) => new(Sv2OpKind.Drop, "-" + string.Join(',', ids), ids[0], 0, ids);
}
