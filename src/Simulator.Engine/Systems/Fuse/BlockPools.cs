namespace BufferLab.Simulator.Engine.Systems.Fuse;

/// <summary>PR #198's two pools (package globals upstream; one pair per simulated connection here, so runs stay independent).</summary>
public sealed class BlockPools(int pageSize)
{
    public int PageSize { get; } = pageSize;

    /// <summary>MiBPlusPageSize = 1 MiB + page size: block 0 of every message.</summary>
    public int MiBPlusPageSize => FuseWire.MiB + PageSize;

    /// <summary>BlockPool1M: limit 48.</summary>
    public BlockPool OneMiB { get; } = new("BlockPool1M", FuseWire.MiB, 48);

    /// <summary>BlockPool1MPlusPage: limit 8.</summary>
    public BlockPool OneMiBPlusPage { get; } = new("BlockPool1MPlusPage", FuseWire.MiB + pageSize, 8);
}
