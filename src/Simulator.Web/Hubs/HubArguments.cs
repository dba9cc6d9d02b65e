using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace BufferLab.Simulator.Web.Hubs;

/// <summary>
/// Reads the hub's arguments from the JSON a client sent, so that a value of the wrong type is a
/// HubException naming the argument, the type it takes and what came ("seed must be a whole
/// number from 0 to 18446744073709551615, got -1") instead of SignalR's "Failed to invoke".
/// </summary>
internal static class HubArguments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The argument <paramref name="value"/> as <typeparamref name="T"/> (a record of named fields).</summary>
    public static T Record<T>(JsonElement value, string method, string example)
        where T : class
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new HubException($"{method} takes one argument, e.g. {example}");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new HubException($"{method} takes an object of named fields, e.g. {example}; got {Quote(value)}");
        }

        try
        {
            return value.Deserialize<T>(Json) ?? throw new HubException($"{method} takes one argument, e.g. {example}");
        }
        catch (JsonException e)
        {
            string field = (e.Path ?? "$").TrimStart('$', '.');
            Type? type = typeof(T).GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            string got = value.TryGetProperty(field, out JsonElement raw) ? Quote(raw) : "something else";
            throw new HubException(type is null ? $"its fields are not as expected: {e.Message}" : $"{field} must be {Expected(type)}, got {got}");
        }
    }

    /// <summary>A whole-number argument.</summary>
    public static int Int(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw new HubException($"{name} must be {Expected(typeof(int))}, got {Quote(value)}");

    /// <summary>A number argument (NaN and infinities cannot be sent as JSON; a client's NaN arrives as null).</summary>
    public static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw new HubException($"{name} must be {Expected(typeof(double))}, got {Quote(value)}");

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        Type t when t == typeof(ulong) => $"a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}",
        Type t when t == typeof(uint) => $"a whole number from 0 to {uint.MaxValue.ToString(CultureInfo.InvariantCulture)}",
        Type t when t == typeof(int) => "a whole number",
        Type t when t == typeof(double) => "a number",
        Type t when t == typeof(bool) => "true or false",
        Type t when t == typeof(string) => "text",
        Type t => t.Name,
    };

    /// <summary>What came, as JSON, cut short: <c>-1</c>, <c>"7"</c>, <c>null</c>.</summary>
    private static string Quote(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? "nothing" : ProblemText.Cut(value.GetRawText(), 40);
}
