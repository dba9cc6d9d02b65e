using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Tests.Checkpoints;

/// <summary>What a checkpoint copies, shares and refuses, and that a copy is deep, with sharing and cycles kept.</summary>
public sealed class CopyPlanTests
{
    [Fact]
    public void ACopyIsDeepAndKeepsSharingAndCycles()
    {
        var shared = new Node { Value = 1 };
        var root = new Node { Value = 0, Next = shared, Other = shared };
        shared.Next = root; // a cycle

        Node copy = new StateCopier([]).Copy(root);

        Assert.NotSame(root, copy);
        Assert.NotSame(shared, copy.Next);
        Assert.Same(copy.Next, copy.Other);
        Assert.Same(copy, copy.Next!.Next);
        copy.Next.Value = 5;
        Assert.Equal(1, shared.Value);
    }

    [Fact]
    public void AnIteratorIsCopiedMidBodyAndGoesOnFromWhereItWas()
    {
        IEnumerator<int> counting = Count().GetEnumerator();
        counting.MoveNext();
        counting.MoveNext();

        IEnumerator<int> copy = new StateCopier([]).Copy(counting);

        Assert.True(copy.MoveNext());
        Assert.Equal(3, copy.Current);
        Assert.True(counting.MoveNext());
        Assert.Equal(3, counting.Current); // the original went on by itself
    }

    [Fact]
    public void ImmutableRecordsAndSharedTypesAreNotCopied()
    {
        var record = new Point(1, "a");
        var holder = new Holder { Point = record, Shared = new Outside() };

        Holder copy = new StateCopier([]).Copy(holder);

        Assert.Same(record, copy.Point);
        Assert.Same(holder.Shared, copy.Shared);
    }

    [Fact]
    public void ADictionaryKeyedByIdentityIsRefusedWithItsType()
    {
        var byIdentity = new Dictionary<Node, int> { [new Node()] = 1 };

        var refused = Assert.Throws<NotSupportedException>(() => new StateCopier([]).Copy(byIdentity));

        Assert.Contains("hashes by identity", refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Node), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANativePointerIsRefusedWithItsField()
    {
        var refused = Assert.Throws<NotSupportedException>(() => new StateCopier([]).Copy(new Native()));

        Assert.Contains("_pointer", refused.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<int> Count()
    {
        for (int i = 1; i <= 5; i++)
        {
            yield return i;
        }
    }

    private sealed class Node
    {
        public int Value { get; set; }

        public Node? Next { get; set; }

        public Node? Other { get; set; }
    }

    private sealed record Point(int X, string Label);

    [CheckpointShared]
    private sealed class Outside
    {
        public int State { get; set; }
    }

    private sealed class Holder
    {
        public Point? Point { get; set; }

        public Outside? Shared { get; set; }
    }

    private sealed class Native
    {
#pragma warning disable CS0414, IDE0052 // only its presence matters
        private readonly IntPtr _pointer = IntPtr.Zero;
#pragma warning restore CS0414, IDE0052
    }
}
