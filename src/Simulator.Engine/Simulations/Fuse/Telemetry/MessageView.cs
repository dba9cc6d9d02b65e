using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;

/// <summary>
/// The last op's message as drawn: each block's size and how much of it the request fills (the
/// 40-byte header first), the reply's iovec lengths, and the blocks borrowed for its destination.
/// </summary>
public sealed record MessageView(ulong Unique, string Opcode, int RequestBytes, string Buffer, IReadOnlyList<BlockView> Blocks, IReadOnlyList<int> ReplyIovecs, int BorrowedBlocks);
