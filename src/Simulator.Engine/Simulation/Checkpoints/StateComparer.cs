using System.Diagnostics;
using System.Reflection;
using BufferLab.Simulator.Engine.Telemetry;

namespace BufferLab.Simulator.Engine.Simulation.Checkpoints;

/// <summary>
/// Compares two object graphs field by field (private fields, iterator locals, array elements,
/// struct fields) and names the first difference by its path, e.g. <c>Model._pool._free[3]</c>.
/// It proves a restored run equal to a replayed one. Skipped: values of the machine
/// (<see cref="MachineValueAttribute"/>, stopwatches) and the insides of library types that stand
/// for the outside (a FileStream, a SQLite connection), and the <see cref="Run"/> the state belongs
/// to (its logs are compared apart). Our own shared types are compared, so a
/// model that forgets to restore one is caught.
/// </summary>
public static class StateComparer
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The path and both values of the first difference between the two graphs; null when they are equal.</summary>
    public static string? FirstDifference(object? left, object? right, string path = "state")
    {
        var seen = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object? Left, object? Right, string Path)>();
        pending.Push((left, right, path));
        while (pending.TryPop(out var next))
        {
            if (Compare(next.Left, next.Right, next.Path, seen, pending) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? Compare(object? left, object? right, string path, Dictionary<object, object> seen, Stack<(object?, object?, string)> pending)
    {
        if (ReferenceEquals(left, right))
        {
            return null; // one object (a static, a singleton): nothing differs
        }

        if (left is null || right is null)
        {
            return left is null && right is null ? null : $"{path}: {Show(left)} ≠ {Show(right)}";
        }

        Type type = left.GetType();
        if (type != right.GetType())
        {
            return $"{path}: a {type.Name} ≠ a {right.GetType().Name}";
        }

        if (type.IsPrimitive || type.IsEnum || left is string or decimal || !CopyPlan.HoldsReferences(type) && type.IsValueType)
        {
            return left.Equals(right) ? null : $"{path}: {Show(left)} ≠ {Show(right)}";
        }

        if (!type.IsValueType)
        {
            if (seen.TryGetValue(left, out object? paired))
            {
                return ReferenceEquals(paired, right) ? null : $"{path}: shared differently (an object met before on another path)";
            }

            seen[left] = right;
        }

        if (left is Stopwatch or Run || CopyPlan.IsLibraryOutside(type))
        {
            return null;
        }

        if (left is Delegate leftCall)
        {
            var rightCall = (Delegate)right;
            if (leftCall.Method != rightCall.Method)
            {
                return $"{path}: calls {leftCall.Method.Name} ≠ {rightCall.Method.Name}";
            }

            pending.Push((leftCall.Target, rightCall.Target, $"{path}.Target"));
            return null;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(RewindableLog<>)))
        {
            // By its items: a list's spare capacity and count of changes, and the entries a log
            // knows past where the run is, are not state.
            object[] leftList = [.. ((System.Collections.IEnumerable)left).Cast<object>()];
            object[] rightList = [.. ((System.Collections.IEnumerable)right).Cast<object>()];
            if (leftList.Length != rightList.Length)
            {
                return $"{path}: {leftList.Length} items ≠ {rightList.Length}";
            }

            for (int i = leftList.Length - 1; i >= 0; i--)
            {
                pending.Push((leftList[i], rightList[i], $"{path}[{i}]"));
            }

            return null;
        }

        if (left is Array leftArray)
        {
            var rightArray = (Array)right;
            if (leftArray.Length != rightArray.Length)
            {
                return $"{path}: {leftArray.Length} elements ≠ {rightArray.Length}";
            }

            if (leftArray is byte[] leftBytes)
            {
                int at = leftBytes.AsSpan().CommonPrefixLength((byte[])rightArray);
                return at == leftBytes.Length ? null : $"{path}[{at}]: {leftBytes[at]} ≠ {((byte[])rightArray)[at]}";
            }

            for (int i = leftArray.Length - 1; i >= 0; i--)
            {
                pending.Push((leftArray.GetValue(i), rightArray.GetValue(i), $"{path}[{i}]"));
            }

            return null;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(Instance))
            {
                if (!field.IsDefined(typeof(MachineValueAttribute)))
                {
                    pending.Push((field.GetValue(left), field.GetValue(right), $"{path}.{field.Name}"));
                }
            }
        }

        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
