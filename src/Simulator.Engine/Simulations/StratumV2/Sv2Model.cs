using System.Globalization;
using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>
/// Drives a <see cref="BufferPool"/> with buffer_sv2 ops the way the vectors' recorder drove the
/// Rust code: every message of id ID is filled with the byte ID % 251, live slices are kept by id,
/// and after every op each live slice's bytes are checked. Reports what happens as events.
/// </summary>
public sealed class Sv2Model : ISimulationModel<Sv2Snapshot>, IBufferPoolObserver
{
    public const string SystemId = "stratum-v2";

    private readonly List<LiveSlice> _live = [];
    private readonly Action<SimEvent>? _emit;
    private readonly HashSet<string> _violations = new(StringComparer.Ordinal);
    private int _handedOut;
    private PoolMode _modeAtStepStart = PoolMode.Back;

    public Sv2Model(int capacity, Sv2Variant variant, Action<SimEvent>? emit = null)
    {
        _emit = emit;
        Pool = new BufferPool(capacity, variant, this);
    }

    public string System => SystemId;

    public BufferPool Pool { get; }

    public Sv2Metrics Counters { get; } = new();

    public string? Failure { get; private set; }

    /// <summary>Live slices in the order they were handed out.</summary>
    public IReadOnlyList<LiveSlice> Live => _live;

    /// <summary>The live pool slices holding slot index <paramref name="index"/> (1..8), in live order; more than one is bug B3 or B7.</summary>
    public IEnumerable<LiveSlice> HoldersOf(int index) => _live.Where(s => s.HoldsSlot && s.Slice.Index == index);

    /// <summary>Whether <paramref name="id"/> names a live slice (ops that would reuse or drop ids are checked against it).</summary>
    public bool IsLive(int id) => Find(id) >= 0;

    /// <summary>Runs one op. Ids must be valid for the live set (see <see cref="Sv2OpValidator"/>).</summary>
    public Sv2StepResult Apply(Sv2Op op, string actor = "script")
    {
        if (Failure is not null)
        {
            throw new InvalidOperationException($"The pool already panicked ({Failure}); nothing runs after a panic.");
        }

        _modeAtStepStart = Pool.Mode;
        _emit?.Invoke(new OpApplied(op.Text, actor));
        int? index = null;
        try
        {
            switch (op.Kind)
            {
                case Sv2OpKind.Drop:
                    foreach (int id in op.DropIds)
                    {
                        Drop(id);
                    }

                    break;
                case Sv2OpKind.Clone:
                    Clone(op.Id, op.CloneId);
                    break;
                default:
                    if (op.Writes)
                    {
                        Write(op);
                    }

                    if (op.HandsOut)
                    {
                        index = HandOut(op.Id, actor);
                    }

                    break;
            }
        }
        catch (Sv2PanicException panic)
        {
            Failure = panic.Message;
            Counters.InvariantViolations++;
            _emit?.Invoke(new InvariantViolated(InvariantKind.Panic, panic.Message, []));
            return new Sv2StepResult(null, [], panic.Message);
        }

        return new Sv2StepResult(index, CheckInvariants(), null);
    }

    public Sv2Snapshot Snapshot()
    {
        var live = _live.Select(s => new LiveSliceView(
            s.Id, s.Label, s.Slice.Index, s.Slice.Offset, s.Slice.Length, s.Slice.IsOwned, s.WrittenIn, s.IsCorrupt,
            s.HoldsSlot && HoldersOf(s.Slice.Index).Skip(1).Any())).ToArray();
        PoolFront front = Pool.Front;
        return new Sv2Snapshot(
            Pool.Capacity, Pool.Variant, Pool.Mode, Pool.Mode != _modeAtStepStart, Pool.SharedState.Load(),
            Pool.Memory.Len, Pool.Memory.RawOffset, Pool.Memory.RawLength, Pool.Back.BackStart, Pool.Back.Len,
            Pool.Mode == PoolMode.Front ? new FrontView(front.BackStart, front.ByteCapacity, front.Len) : null,
            Pool.SystemMemory.Length, Pool.Memory.Slots.ToArray(), live, SlotMap(), ModeText(), StuckInAlloc, Failure);
    }

    public string Summary()
    {
        Sv2Snapshot s = Snapshot();
        return string.Create(CultureInfo.InvariantCulture, $"{s.SlotMapText}; ss={s.SharedState:x2} live={s.Live.Count} pool={Counters.PoolMessages} heap={Counters.HeapMessages}{(Failure is null ? "" : $"; PANIC {Failure}")}");
    }

    public string HeldMeasure => "bytes of live slices, in the pool and on the heap";

    public long HeldBytes => _live.Sum(s => (long)s.Slice.Length);

    public IReadOnlyList<PeakHolding> Holdings() =>
    [
        .. _live.Select(s => new PeakHolding(
            $"slice {s.Id} ({s.Label})", s.Slice.Length, s.Holder,
            s.Slice.IsOwned ? "heap (Alloc mode)" : $"pool slot {s.Slice.Index}, bytes {s.Slice.Offset}-{s.Slice.Offset + s.Slice.Length - 1}")),
    ];

    public IReadOnlyList<MetricValue> Metrics() =>
    [
        Sv2Metric.PoolMessages.With(Counters.PoolMessages),
        Sv2Metric.PoolMessagesBack.With(Counters.PoolMessagesBack),
        Sv2Metric.PoolMessagesFront.With(Counters.PoolMessagesFront),
        Sv2Metric.HeapMessages.With(Counters.HeapMessages),
        Sv2Metric.HeapBytes.With(Counters.HeapBytesWritten),
        Sv2Metric.HeapAllocations.With(Pool.SystemMemory.Allocations),
        Sv2Metric.HeapAllocatedBytes.With(Pool.SystemMemory.AllocatedBytes),
        Sv2Metric.BytesMoved.With(Counters.BytesMoved),
        Sv2Metric.Resets.With(Counters.Resets),
        Sv2Metric.ModeChanges.With(Counters.ModeChanges),
        Sv2Metric.LiveSlices.With(_live.Count),
        Sv2Metric.LivePoolBytes.With(_live.Where(s => !s.Slice.IsOwned).Sum(s => s.Slice.Length)),
        Sv2Metric.StuckInAlloc.With(StuckInAlloc ? 1 : 0),
        Sv2Metric.InvariantViolations.With(Counters.InvariantViolations),
    ];

    private bool StuckInAlloc => Pool.Mode == PoolMode.Alloc && Pool.Back.BackStart + Pool.Back.Len < BufferPoolLimits.PoolCapacity;

    /// <summary>8 characters: position p shows the label of the live slice holding index p.</summary>
    public string SlotMap() => string.Create(BufferPoolLimits.PoolCapacity, this, static (chars, model) =>
    {
        for (int p = 0; p < chars.Length; p++)
        {
            LiveSlice[] holders = model.HoldersOf(p + 1).ToArray();
            chars[p] = holders.Length switch
            {
                0 => SlotLabels.Free,
                1 => holders[0].Label[0],
                _ => SlotLabels.Duplicate,
            };
        }
    });

    /// <summary>`BACK MODE`, or `SWITCH TO BACK MODE` on the step that changed the mode.</summary>
    public string ModeText()
    {
        string mode = Pool.Mode.ToString().ToUpperInvariant() + " MODE";
        return Pool.Mode != _modeAtStepStart ? "SWITCH TO " + mode : mode;
    }

    private void Write(Sv2Op op)
    {
        Pool.GetWritable(op.Length).Fill(ExpectedByte(op.Id));
        if (op.Kind != Sv2OpKind.Message)
        {
            _emit?.Invoke(new ChunkWritten(op.Id, op.Length, Pool.Mode));
        }
    }

    private int HandOut(int id, string actor)
    {
        PoolMode mode = Pool.Mode;
        Slice slice = Pool.GetDataOwned();
        string label = SlotLabels.For(++_handedOut);
        // the random workload's producer hands slice ID to consumer-ID, which drops it
        _live.Add(new LiveSlice(id, label, slice, ExpectedByte(id), mode, actor == "producer" ? $"consumer-{id}" : actor));
        if (slice.IsOwned)
        {
            Counters.HeapMessages++;
        }
        else if (mode == PoolMode.Front)
        {
            Counters.PoolMessagesFront++;
        }
        else
        {
            Counters.PoolMessagesBack++;
        }

        _emit?.Invoke(new SliceWritten(id, label, slice.Index, slice.Offset, slice.Length, slice.IsOwned, mode));
        return slice.IsOwned ? Sv2StepResult.HeapIndex : slice.Index;
    }

    private void Drop(int id)
    {
        int at = Find(id);
        LiveSlice live = _live[at];
        _live.RemoveAt(at);
        live.Slice.Drop();
        _emit?.Invoke(new SliceDropped(id, live.Slice.Index, Pool.SharedState.Load().ToString("x2", CultureInfo.InvariantCulture)));
    }

    private void Clone(int id, int cloneId)
    {
        LiveSlice source = _live[Find(id)];
        _live.Add(source with { Id = cloneId, Slice = source.Slice.Clone() });
        _emit?.Invoke(new SliceCloned(id, cloneId, source.Slice.Index));
    }

    private int Find(int id) => _live.FindIndex(s => s.Id == id);

    /// <summary>Checks the live slices; logs each violation once, when it first appears. Returns the corrupt ids in live order.</summary>
    private int[] CheckInvariants()
    {
        var now = new List<(string Key, InvariantKind Kind, string Detail, int[] Ids)>();
        foreach (var group in _live.Where(s => s.HoldsSlot).GroupBy(s => s.Slice.Index).Where(g => g.Count() > 1))
        {
            int[] ids = group.Select(s => s.Id).ToArray();
            now.Add(($"dup:{group.Key}:{string.Join('/', ids)}", InvariantKind.DuplicateIndex,
                $"slices {string.Join(", ", ids)} hold the same index {group.Key}", ids));
        }

        for (int i = 0; i < _live.Count; i++)
        {
            for (int j = i + 1; j < _live.Count; j++)
            {
                LiveSlice a = _live[i], b = _live[j];
                if (a.Overlaps(b))
                {
                    now.Add(($"overlap:{a.Id},{b.Id}", InvariantKind.Overlap,
                        $"slice {a.Id} (bytes {a.Slice.Offset}..{a.Slice.Offset + a.Slice.Length}) and slice {b.Id} (bytes {b.Slice.Offset}..{b.Slice.Offset + b.Slice.Length}) share memory", [a.Id, b.Id]));
                }
            }
        }

        int[] corrupt = _live.Where(s => s.IsCorrupt).Select(s => s.Id).ToArray();
        foreach (int id in corrupt)
        {
            now.Add(($"corrupt:{id}", InvariantKind.Corrupt, $"slice {id} no longer holds the bytes written into it", [id]));
        }

        foreach (var violation in now.Where(v => !_violations.Contains(v.Key)))
        {
            Counters.InvariantViolations++;
            _emit?.Invoke(new InvariantViolated(violation.Kind, violation.Detail, violation.Ids));
        }

        _violations.Clear();
        _violations.UnionWith(now.Select(v => v.Key));
        return corrupt;
    }

    private static byte ExpectedByte(int id) => (byte)(id % 251);

    void IBufferPoolObserver.ModeChanged(PoolMode fromMode, PoolMode toMode, int edge, byte sharedState, int requested)
    {
        Counters.ModeChanges++;
        _emit?.Invoke(new ModeChanged(fromMode, toMode, edge, Sv2EdgeCauses.Describe(edge, Pool, sharedState, requested)));
    }

    void IBufferPoolObserver.PoolReset(PoolMode fromMode, PoolMode toMode, int carriedBytes)
    {
        Counters.Resets++;
        _emit?.Invoke(new Reset(fromMode, toMode, carriedBytes));
    }

    void IBufferPoolObserver.BytesMoved(int bytes, BytesMoveKind kind, int fromOffset, int toOffset)
    {
        Counters.BytesMoved += bytes;
        _emit?.Invoke(new BytesMoved(bytes, kind, fromOffset, toOffset));
    }

    void IBufferPoolObserver.HeapWrite(int bytes)
    {
        Counters.HeapBytesWritten += bytes;
        _emit?.Invoke(new HeapFallback(bytes));
    }
}
