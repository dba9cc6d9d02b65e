using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>Reading the values every page's URL shares, and writing links with them.</summary>
public static class QueryValues
{
    /// <summary>The trimmed value of <paramref name="key"/>, or null when it is absent or blank.</summary>
    public static string? Value(IReadOnlyDictionary<string, string?> query, string key) =>
        query.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The lower-cased value of <paramref name="key"/> if it is one of <paramref name="choices"/>, else <paramref name="fallback"/> with a problem saying so.</summary>
    public static string OneOf(IReadOnlyDictionary<string, string?> query, string key, IReadOnlyList<string> choices, string fallback, List<string> problems)
    {
        string value = (Value(query, key) ?? fallback).ToLowerInvariant();
        if (choices.Contains(value))
        {
            return value;
        }

        problems.Add($"{key} '{value}' is not one of {string.Join(", ", choices)}; using {fallback}");
        return fallback;
    }

    /// <summary>The seed, or 1 with a problem saying why the given one was not used.</summary>
    public static ulong Seed(IReadOnlyDictionary<string, string?> query, List<string> problems)
    {
        if (Value(query, "seed") is not { } text)
        {
            return 1;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            return seed;
        }

        problems.Add($"seed '{text}' is not a whole number from 0 to {ulong.MaxValue}; using seed 1");
        return 1;
    }

    /// <summary>`path?key=value&amp;…` for the parameters that have a value, escaped.</summary>
    public static string Link(string path, params (string Key, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}
