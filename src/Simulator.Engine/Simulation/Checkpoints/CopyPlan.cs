using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// What a checkpoint does with objects of one type, worked out once per type by reflection: share
/// them, or copy them and then the references they hold (fields, array elements, and references
/// inside struct fields). Types that cannot be copied faithfully are refused with their name.
/// </summary>
internal sealed class CopyPlan
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly ConcurrentDictionary<Type, CopyPlan> Plans = new();
    private static readonly ConcurrentDictionary<Type, bool> Immutables = new();

    private static readonly Type[] OutsideMemory =
    [
        typeof(SafeHandle), typeof(Stream), typeof(MemoryMappedFile), typeof(Thread), typeof(Task), typeof(CancellationTokenSource),
        typeof(WaitHandle), typeof(Lock), typeof(MemberInfo), typeof(Assembly), typeof(Module),
    ];

    private CopyPlan(Type type)
    {
        Type = type;
        Kind = KindOf(type, out string? refusal);
        Refusal = refusal;
        if (Kind == CopyKind.Object)
        {
            ReferenceFields = [.. AllFields(type).Where(f => HoldsReferences(f.FieldType))];
            Bytes = 16 + AllFields(type).Sum(f => SizeOf(f.FieldType));
        }
        else if (Kind == CopyKind.Array)
        {
            Type element = type.GetElementType()!;
            ElementBytes = SizeOf(element);
            ElementsHoldReferences = HoldsReferences(element);
            ElementPlan = element.IsValueType && ElementsHoldReferences ? For(element) : null;
        }
    }

    public Type Type { get; }

    public CopyKind Kind { get; }

    /// <summary>Why objects of this type cannot be in a checkpoint; null when they can.</summary>
    public string? Refusal { get; }

    /// <summary>Fields (of this type and its bases) that are or contain references.</summary>
    public FieldInfo[] ReferenceFields { get; } = [];

    /// <summary>About how many bytes an instance takes (header and fields), for the checkpoint budget.</summary>
    public long Bytes { get; }

    public long ElementBytes { get; }

    public bool ElementsHoldReferences { get; }

    /// <summary>For an array of structs that hold references: the struct's plan.</summary>
    public CopyPlan? ElementPlan { get; }

    public static CopyPlan For(Type type) => Plans.GetOrAdd(type, t => new CopyPlan(t));

    /// <summary>A library type that stands for something outside memory (a stream, a handle, a thread, a SQLite connection): shared, and its insides are the machine's.</summary>
    public static bool IsLibraryOutside(Type type) =>
        OutsideMemory.Any(o => o.IsAssignableFrom(type)) || type.Assembly.GetName().Name is "Microsoft.Data.Sqlite" or "SQLitePCLRaw.core";

    /// <summary>Whether a value of this static type may hold a reference that needs copying.</summary>
    public static bool HoldsReferences(Type type) =>
        !type.IsPrimitive && !type.IsEnum && !type.IsPointer && type != typeof(string) && type != typeof(decimal)
        && (!type.IsValueType || AllFields(type).Any(f => HoldsReferences(f.FieldType)));

    private static IEnumerable<FieldInfo> AllFields(Type type)
    {
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(Instance | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static CopyKind KindOf(Type type, out string? refusal)
    {
        refusal = null;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsPointer
            || IsLibraryOutside(type)
            || type.IsDefined(typeof(CheckpointSharedAttribute), inherit: false)
            || (!type.IsArray && !AllFields(type).Any())
            || (type.IsValueType && !HoldsReferences(type))
            || IsImmutable(type))
        {
            return CopyKind.Share;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return CopyKind.Delegate;
        }

        if (type.IsArray)
        {
            if (type.GetArrayRank() != 1)
            {
                refusal = $"{type} is a multi-dimensional array";
            }

            return CopyKind.Array;
        }

        if (AllFields(type).FirstOrDefault(f => f.FieldType == typeof(IntPtr) || f.FieldType == typeof(UIntPtr) || f.FieldType.IsPointer) is { } native)
        {
            refusal = $"{type} holds a native pointer ({native.Name}); mark it [CheckpointShared] and restore what it stands for in its model's IOutsideState";
        }
        else if (IdentityHashedKey(type) is { } key)
        {
            refusal = $"{type} is keyed by {key}, which hashes by identity: a copy's keys would hash differently; key it by a value";
        }

        return CopyKind.Object;
    }

    /// <summary>
    /// Whether no value of the type can change once made: a sealed class whose fields are all
    /// readonly, or a struct, each field of an immutable type (a record of numbers and strings).
    /// Checkpoints share such objects: a run's history of them costs nothing per checkpoint.
    /// </summary>
    private static bool IsImmutable(Type type) => Immutables.TryGetValue(type, out bool known) ? known : Immutables.GetOrAdd(type, IsImmutable(type, []));

    private static bool IsImmutable(Type type, HashSet<Type> visiting)
    {
        if (type == typeof(IntPtr) || type == typeof(UIntPtr) || type.IsPointer)
        {
            return false; // what it points at can change
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying, visiting);
        }

        bool candidate = type.IsValueType || (type.IsClass && type.IsSealed && !type.IsArray && !typeof(Delegate).IsAssignableFrom(type));
        if (!candidate || !visiting.Add(type))
        {
            return false; // an array, an interface, a type others derive from, or a cycle: not provably immutable
        }

        // A struct's own fields need not be readonly: it is frozen by the readonly field holding it.
        bool immutable = AllFields(type).All(f => (type.IsValueType || f.IsInitOnly) && IsImmutable(f.FieldType, visiting));
        visiting.Remove(type);
        return immutable;
    }

    /// <summary>The key type of a hash set or dictionary keyed by objects that hash by identity.</summary>
    private static Type? IdentityHashedKey(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        Type definition = type.GetGenericTypeDefinition();
        if (definition != typeof(Dictionary<,>) && definition != typeof(HashSet<>) && definition != typeof(ConcurrentDictionary<,>))
        {
            return null;
        }

        Type key = type.GetGenericArguments()[0];
        bool byIdentity = !key.IsValueType && key != typeof(string)
            && key.GetMethod(nameof(GetHashCode), Type.EmptyTypes)?.DeclaringType == typeof(object);
        return byIdentity ? key : null;
    }

    private static long SizeOf(Type type) => type.IsValueType
        ? (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!
        : IntPtr.Size;
}
