using System.Runtime.CompilerServices;

namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `BufferPool<T: Buffer>` in sv2/buffer-sv2/src/buffer_pool/mod.rs (crate 3.0.1, commit 268022034c18).
/// <summary>
/// The Stratum V2 buffer pool: 8 slots over one preallocated array, in Back, Front or Alloc mode,
/// falling back to <see cref="BufferFromSystemMemory"/>. <see cref="Sv2Variant.Faithful"/> keeps
/// upstream's bugs B1-B6; <see cref="Sv2Variant.Fixed"/> corrects them (see PoolBack, PoolFront and
/// <see cref="NeedsReset"/>).
/// </summary>
public sealed class BufferPool : IBuffer
{
    private PoolFront _front;
    private PoolBack _back;
    private InnerMemory _memory;

    public BufferPool(int capacity, Sv2Variant variant = Sv2Variant.Faithful, IBufferPoolObserver? observer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Variant = variant;
        Observer = observer;
        _memory = new InnerMemory(capacity) { Observer = observer };
        _back = new PoolBack(variant);
    }

    public Sv2Variant Variant { get; }

    public IBufferPoolObserver? Observer { get; }

    public PoolMode Mode { get; private set; } = PoolMode.Back;

    /// <summary>A copy of the back region's state.</summary>
    public PoolBack Back => _back;

    /// <summary>The front region's state; meaningful only while <see cref="Mode"/> is Front.</summary>
    public PoolFront Front => _front;

    /// <summary>A copy of the memory's bookkeeping (the byte array itself is shared, not copied).</summary>
    public InnerMemory Memory => _memory;

    public SharedState SharedState { get; } = new();

    public BufferFromSystemMemory SystemMemory { get; } = new();

    public int Capacity => _memory.Capacity;

    /// <summary>Upstream `len()`: the in-progress message's length in whichever buffer holds it.</summary>
    public int Length => Mode == PoolMode.Alloc ? SystemMemory.Length : _memory.RawLength;

    /// <summary>Upstream `is_droppable()`: no slice is alive. Upstream's Drop spins until this is true.</summary>
    public bool IsDroppable => SharedState.Load() == 0;

    /// <summary>Upstream `get_writable`: one snapshot of the shared state decides the whole call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetWritable(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        byte sharedState = SharedState.Load();
        if (sharedState == 0 && NeedsReset())
        {
            Reset();
        }

        // Fast path for the common case, the first branch of PoolBack::get_writable (room at the
        // tail and a free slot in Back mode), without the dispatch below; same decision, same bytes.
        if (Mode == PoolMode.Back && _back.Len + _back.BackStart < BufferPoolLimits.PoolCapacity && _memory.TryGetWritableAtTail(length, out Span<byte> writable))
        {
            return writable;
        }

        return GetWritableInner(length, sharedState, withoutCheck: false);
    }

    /// <summary>Upstream `get_data_owned`: hands out the message as a pool slice, or a heap slice in Alloc mode.</summary>
    public Slice GetDataOwned()
    {
        switch (Mode)
        {
            case PoolMode.Back:
            {
                Slice slice = _memory.GetDataOwned(SharedState);
                _back.SetLenFromInnerMemory(_memory.Len);
                return slice;
            }

            case PoolMode.Front:
            {
                Slice slice = _memory.GetDataOwned(SharedState);
                _front.Len = _memory.Len;
                return slice;
            }

            default:
                return SystemMemory.GetDataOwned();
        }
    }

    /// <summary>Upstream `get_data_by_ref(n)`: in pool modes the whole in-progress region, ignoring n (edge E5).</summary>
    public ReadOnlySpan<byte> GetDataByRef(int length) =>
        Mode == PoolMode.Alloc
            ? SystemMemory.GetDataByRef(length)
            : _memory.Pool.AsSpan(_memory.RawOffset, _memory.RawLength);

    /// <summary>
    /// Whether an idle pool (ss == 0) resets. Upstream asks only `pool_back.len != 0`, so a pool whose
    /// back length fell to 0 never resets (bug B6); the fixed variant resets unless already pristine.
    /// </summary>
    private bool NeedsReset() => Variant == Sv2Variant.Faithful
        ? _back.Len != 0
        : !(Mode == PoolMode.Back && _back.Len == 0 && _back.BackStart == 0 && _memory.Len == 0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Reset()
    {
        PoolMode from = Mode;
        _memory.Len = 0;
        int carried = Length;
        switch (Mode)
        {
            case PoolMode.Back:
                _memory.MoveRawAtFront();
                _back.Reset();
                break;
            case PoolMode.Front:
                _memory.MoveRawAtFront();
                Mode = PoolMode.Back;
                _back.Reset();
                break;
            default:
                int heapBytes = SystemMemory.Length;
                if (heapBytes >= Capacity)
                {
                    // Edge E2: too many carried bytes to prepend, so nothing else happens and the pool stays in Alloc.
                    break;
                }

                if (heapBytes > 0)
                {
                    _memory.PrependRawData(SystemMemory.GetDataByRef(heapBytes));
                    SystemMemory.GetDataOwned(); // thrown away, as upstream does
                }
                else
                {
                    _memory.Reset();
                }

                Mode = PoolMode.Back;
                _back.Reset();
                break;
        }

        Observer?.PoolReset(from, Mode, carried);
    }

    /// <summary>Upstream `get_writable_`, its recursion written as a loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Span<byte> GetWritableInner(int length, byte sharedState, bool withoutCheck)
    {
        while (true)
        {
            WriteOutcome outcome;
            PoolFront front = default;
            int allocEdge = 5;
            switch (Mode)
            {
                case PoolMode.Back:
                    // Edge 2 when bytes ran out before the slots did; edge 5 when the back is full.
                    allocEdge = _back.Len + _back.BackStart < BufferPoolLimits.PoolCapacity ? 2 : 5;
                    outcome = _back.GetWritable(length, ref _memory, sharedState, out front);
                    break;
                case PoolMode.Front:
                    outcome = _front.GetWritable(length, ref _memory, sharedState, Variant);
                    break;
                default:
                    return GetWritableFromSystemMemory(length, sharedState, withoutCheck);
            }

            if (outcome == WriteOutcome.Ok)
            {
                return _memory.GetWritableRawUnchecked(length);
            }

            ChangeMode(outcome, front, length, sharedState, allocEdge);
            withoutCheck = Mode == PoolMode.Alloc;
        }
    }

    /// <summary>Upstream `get_writable_from_system_memory`: the pool leaves Alloc only at a message boundary.</summary>
    private Span<byte> GetWritableFromSystemMemory(int length, byte sharedState, bool withoutCheck)
    {
        if (SystemMemory.Length > 0 || withoutCheck || _back.Len == 0 || !_back.TailIsClearable(sharedState))
        {
            return WriteToHeap(length);
        }

        WriteOutcome outcome = _back.ClearUnchecked(ref _memory, sharedState, length, out PoolFront front);
        switch (outcome)
        {
            case WriteOutcome.Ok:
                ChangeMode(WriteOutcome.ToBack, front, length, sharedState, allocEdge: 5);
                return GetWritableInner(length, sharedState, withoutCheck: false);
            case WriteOutcome.ToFront:
                ChangeMode(WriteOutcome.ToFront, front, length, sharedState, allocEdge: 5);
                return GetWritableInner(length, sharedState, withoutCheck: false);
            case WriteOutcome.ToAlloc:
                _memory.ResetRaw();
                return WriteToHeap(length);
            default:
                throw new Sv2PanicException("explicit panic");
        }
    }

    private Span<byte> WriteToHeap(int length)
    {
        Observer?.HeapWrite(length);
        return SystemMemory.GetWritable(length);
    }

    /// <summary>Upstream `change_mode`; every pair not listed there panics.</summary>
    private void ChangeMode(WriteOutcome target, PoolFront front, int length, byte sharedState, int allocEdge)
    {
        PoolMode from = Mode;
        int edge;
        switch (from, target)
        {
            case (PoolMode.Back, WriteOutcome.ToAlloc):
                MoveRawToHeap();
                edge = allocEdge;
                break;
            case (PoolMode.Back, WriteOutcome.ToFront):
                _memory.Len = 0;
                _memory.MoveRawAtFront();
                _front = front;
                Mode = PoolMode.Front;
                edge = 4;
                break;
            case (PoolMode.Front, WriteOutcome.ToBack):
                if (_back.TailIsClearable(sharedState) && _back.TryClearTailUnchecked(ref _memory, sharedState, length))
                {
                    Mode = PoolMode.Back;
                    edge = 7;
                }
                else
                {
                    MoveRawToHeap();
                    edge = 8;
                }

                break;
            case (PoolMode.Alloc, WriteOutcome.ToBack):
                _memory.Len = _back.Len + _back.BackStart;
                Mode = PoolMode.Back;
                edge = 10;
                break;
            case (PoolMode.Alloc, WriteOutcome.ToFront):
                _memory.ResetRaw();
                _memory.Len = 0;
                _front = front;
                Mode = PoolMode.Front;
                edge = 11;
                break;
            default:
                throw new Sv2PanicException("explicit panic");
        }

        Observer?.ModeChanged(from, Mode, edge, sharedState, length);
    }

    /// <summary>The "→ Alloc" action: carry the in-progress bytes to the heap buffer.</summary>
    private void MoveRawToHeap()
    {
        _memory.CopyIntoBuffer(SystemMemory);
        _memory.ResetRaw();
        Mode = PoolMode.Alloc;
    }
}
