using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.Fuse;
using BufferLab.Simulator.Engine.Simulations.Fuse.Telemetry;
using BufferLab.Simulator.Engine.Systems.Fuse;

namespace BufferLab.Simulator.Engine.Tests.Fuse;

/// <summary>The last message's layout, traced from the op's own memory: parts in buffers, what the file system got, copies and iovecs.</summary>
public sealed class MessageLayoutTests
{
    private static MessageView LastMessage(string preset, FuseMode mode, Func<FuseScenario, FuseScenario>? change = null)
    {
        FuseScenario scenario = ScenarioCatalog.Get<FuseScenario>(preset).WithMode(mode);
        using var run = new Run(change is null ? scenario : change(scenario), 1);
        run.RunToEnd();
        var snapshot = (FuseSnapshot)run.Model.Snapshot();
        return snapshot.LastMessage!;
    }

    [Fact]
    public void TheContiguousDaemonCopiesAFourMiBPayloadFromFourBlocksToTheHeap()
    {
        MessageView m = LastMessage("fuse-large-write-4m", FuseMode.ContiguousLarge);

        Assert.Equal([BufferKind.Block0, BufferKind.PoolBlock, BufferKind.PoolBlock, BufferKind.PoolBlock, BufferKind.Heap, BufferKind.OutHeader, BufferKind.Heap], m.Buffers.Select(b => b.Kind));
        Assert.Equal(["fuse_in_header", "fuse_write_in", "payload"], m.Parts.Select(p => p.Name));
        Assert.Equal(new BufferSpan(0, 0, 40), Assert.Single(m.Parts[0].Spans));
        Assert.Equal(new BufferSpan(0, 40, 40), Assert.Single(m.Parts[1].Spans));
        Assert.Equal(4 << 20, m.Parts[2].Length);
        Assert.Equal([0, 1, 2, 3], m.Parts[2].Spans.Select(s => s.Buffer));

        HeapCopy copy = Assert.Single(m.Copies);
        Assert.Equal(4 << 20, copy.Bytes);
        Assert.Equal(m.Parts[2].Spans, copy.From); // exactly the payload, block by block
        Assert.Equal("heap copy (ConsumeBytes)", m.Buffers[copy.To].Name);
        Assert.Equal(new BufferSpan(copy.To, 0, 4 << 20), Assert.Single(m.Handed)); // Data is the copy

        Assert.Equal([16, 8], m.ReplyIovecs);
        Assert.Equal(BufferKind.OutHeader, m.Buffers[m.Reply[0].Target.Buffer].Kind);
        Assert.Equal("heap (Grow: fuse_write_out)", m.Buffers[m.Reply[1].Target.Buffer].Name);
    }

    [Fact]
    public void TheVectoredDaemonHandsTheFileSystemViewsOfTheBlocksAndCopiesNothing()
    {
        MessageView m = LastMessage("fuse-large-write-4m", FuseMode.Vectored);

        Assert.Empty(m.Copies);
        Assert.Equal(m.Parts[2].Spans, m.Handed); // DataBlocks: the payload where the read put it
        Assert.DoesNotContain(m.Buffers, b => b.Kind == BufferKind.Heap && b.Size > 8);
    }

    [Fact]
    public void MasterReadsAOneMiBWriteIntoItsInMessageAndCopiesNothing()
    {
        MessageView m = LastMessage("fuse-large-write-4m", FuseMode.Master);

        Assert.Equal(BufferKind.InMessage, m.Buffers[0].Kind);
        Assert.Equal(FuseWire.MiB + 4096, m.Buffers[0].Size);
        Assert.Equal(new BufferSpan(0, 80, FuseWire.MiB), Assert.Single(m.Parts[2].Spans));
        Assert.Empty(m.Copies);
        Assert.Equal(m.Parts[2].Spans, m.Handed);
    }

    [Fact]
    public void AVectoredFourMiBReadGoesToBorrowedBlocksAndItsIovecsPointThere()
    {
        MessageView m = LastMessage("fuse-large-write-4m", FuseMode.Vectored, s => s with { Phases = [new FusePhase { SequentialReadBytes = 8 << 20, IoBytes = 4 << 20, QueueDepth = 1 }] });

        Assert.Equal("READ", m.Opcode);
        Assert.Equal(4, m.Buffers.Count(b => b.Kind == BufferKind.BorrowedBlock));
        Assert.Equal([16, .. Enumerable.Repeat(FuseWire.MiB, 4)], m.ReplyIovecs);
        Assert.All(m.Reply.Skip(1), v => Assert.Equal(BufferKind.BorrowedBlock, m.Buffers[v.Target.Buffer].Kind));
        Assert.Empty(m.Copies);
    }

    [Fact]
    public void AContiguousFourMiBReadGoesToAHeapAllocationWithoutACopy()
    {
        MessageView m = LastMessage("fuse-large-write-4m", FuseMode.ContiguousLarge, s => s with { Phases = [new FusePhase { SequentialReadBytes = 8 << 20, IoBytes = 4 << 20, QueueDepth = 1 }] });

        BufferSpan dst = Assert.Single(m.Handed);
        Assert.Equal("heap (GetFree)", m.Buffers[dst.Buffer].Name);
        Assert.Equal(dst, m.Reply[1].Target);
        Assert.Empty(m.Copies);
    }

    [Fact]
    public void Bug189LeavesAReadWithNoDestinationAndAHeaderOnlyReply()
    {
        MessageView m = LastMessage("fuse-bug-189", FuseMode.Master);

        Assert.Equal("nil", m.Buffer);
        Assert.Empty(m.Handed);
        Assert.Equal([16], m.ReplyIovecs);
    }

    [Fact]
    public void TheInitViewCarriesEveryFieldOfTheReply()
    {
        FuseScenario scenario = ScenarioCatalog.Get<FuseScenario>("fuse-large-write-4m").WithMode(FuseMode.Vectored);
        using var run = new Run(scenario, 1);
        run.RunToEnd();
        InitView init = ((FuseSnapshot)run.Model.Snapshot()).Init!;

        Assert.Equal((7u, 34u, 45u, 0x00410020u), (init.Major, init.Minor, init.KernelMinor, init.Flags)); // Linux 6.18 offers 7.45; jacobsa/fuse answers with its 7.34
        Assert.Equal((1u << 20, (ushort)12, (ushort)9, 1u, 4u << 20, (ushort)1024), (init.MaxReadahead, init.MaxBackground, init.CongestionThreshold, init.TimeGran, init.MaxWrite, init.MaxPagesSent));
        Assert.Equal(["FUSE_BIG_WRITES", "FUSE_WRITEBACK_CACHE", "FUSE_MAX_PAGES"], InitFlags.Set(init.Flags).Select(f => f.Name));
    }
}
