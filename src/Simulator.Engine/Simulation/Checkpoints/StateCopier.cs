using System.Reflection;

namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// Deep-copies an object graph: every object reachable from the roots is copied once (shared
/// references and cycles stay shared and cyclic in the copy), except objects that stand for the
/// outside or never change (<see cref="CopyKind.Share"/>) and the instances given as shared. Works
/// on compiler-generated iterator objects too, so a scheduler's actors are copied mid-body.
/// Copies breadth first, so a long chain of objects cannot overflow the stack.
/// </summary>
internal sealed class StateCopier
{
    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private readonly Dictionary<object, object> _copies = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<(object Copy, CopyPlan Plan)> _unfixed = new();
    private readonly Func<byte[], byte[]?>? _bytes;
    private readonly Action<ISharedBytes>? _sharedBytes;

    /// <param name="shared">Instances the copy refers to as they are (the run itself, its append-only logs).</param>
    /// <param name="bytes">What stands for a byte array in the copy, if not a plain copy of it (large arrays are kept in chunks: <see cref="ChunkStore"/>).</param>
    /// <param name="sharedBytes">Told of each shared object with bytes that never change, the first time the copy meets it.</param>
    public StateCopier(IEnumerable<object> shared, Func<byte[], byte[]?>? bytes = null, Action<ISharedBytes>? sharedBytes = null)
    {
        _bytes = bytes;
        _sharedBytes = sharedBytes;
        foreach (object instance in shared)
        {
            _copies[instance] = instance;
        }
    }

    /// <summary>About how many bytes the copies made so far take.</summary>
    public long Bytes { get; private set; }

    /// <summary>Copies <paramref name="root"/> and everything it reaches.</summary>
    public T Copy<T>(T root)
        where T : class
    {
        var copy = (T)Shallow(root)!;
        while (_unfixed.TryDequeue(out var next))
        {
            Fix(next.Copy, next.Plan);
        }

        return copy;
    }

    /// <summary>The copy of <paramref name="source"/>, made shallow now if it is new; its references are fixed later from the queue.</summary>
    private object? Shallow(object? source)
    {
        if (source is null)
        {
            return null;
        }

        if (_copies.TryGetValue(source, out object? known))
        {
            return known;
        }

        if (source is byte[] array && _bytes?.Invoke(array) is { } standIn)
        {
            _copies[source] = standIn;
            return standIn;
        }

        CopyPlan plan = CopyPlan.For(source.GetType());
        if (plan.Refusal is { } refusal)
        {
            throw new NotSupportedException($"A checkpoint cannot copy this run's state: {refusal}.");
        }

        object copy;
        switch (plan.Kind)
        {
            case CopyKind.Share:
                copy = source;
                if (source is ISharedBytes bytes)
                {
                    _sharedBytes?.Invoke(bytes);
                }

                break;
            case CopyKind.Delegate:
                copy = CopyDelegate((Delegate)source);
                break;
            case CopyKind.Array when ((Array)source).Length == 0:
                copy = source; // nothing in it can change: [] is shared, as the run shares it
                break;
            case CopyKind.Array:
                var elements = (Array)source;
                copy = elements.Clone();
                Bytes += 24 + (elements.LongLength * plan.ElementBytes);
                if (plan.ElementsHoldReferences)
                {
                    _unfixed.Enqueue((copy, plan));
                }

                break;
            default:
                copy = ShallowCopy(source);
                Bytes += plan.Bytes;
                _unfixed.Enqueue((copy, plan));
                break;
        }

        _copies[source] = copy;
        return copy;
    }

    private Delegate CopyDelegate(Delegate source)
    {
        Delegate[] calls = source.GetInvocationList();
        if (calls.Length > 1)
        {
            return Delegate.Combine([.. calls.Select(CopyDelegate)])!;
        }

        return source.Target is null ? source : Delegate.CreateDelegate(source.GetType(), Shallow(source.Target), source.Method);
    }

    private void Fix(object copy, CopyPlan plan)
    {
        if (plan.Kind == CopyKind.Array)
        {
            FixElements((Array)copy, plan);
            return;
        }

        foreach (FieldInfo field in plan.ReferenceFields)
        {
            object? value = field.GetValue(copy);
            if (value is not null)
            {
                field.SetValue(copy, field.FieldType.IsValueType ? FixedStruct(value) : Shallow(value));
            }
        }
    }

    private void FixElements(Array copy, CopyPlan plan)
    {
        if (plan.ElementPlan is null)
        {
            var references = (object?[])copy; // an array of references (covariant: the copies have the same types)
            for (int i = 0; i < references.Length; i++)
            {
                references[i] = Shallow(references[i]);
            }

            return;
        }

        for (int i = 0; i < copy.Length; i++)
        {
            copy.SetValue(FixedStruct(copy.GetValue(i)!), i);
        }
    }

    /// <summary>A boxed struct with the references inside it replaced by their copies.</summary>
    private object FixedStruct(object boxed)
    {
        CopyPlan plan = CopyPlan.For(boxed.GetType());
        if (plan.Kind == CopyKind.Share)
        {
            return boxed;
        }

        foreach (FieldInfo field in plan.ReferenceFields)
        {
            object? value = field.GetValue(boxed);
            if (value is not null)
            {
                field.SetValue(boxed, field.FieldType.IsValueType ? FixedStruct(value) : Shallow(value));
            }
        }

        return boxed;
    }
}
