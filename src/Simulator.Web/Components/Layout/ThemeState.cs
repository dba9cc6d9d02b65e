namespace BufferLab.Simulator.Web.Components.Layout;

/// <summary>
/// The circuit's theme: the person's choice (light, dark, or the system's) and whether the page is
/// dark now. The layout's MudThemeProvider follows it; the theme picker and the system's scheme change it.
/// </summary>
public sealed class ThemeState
{
    public const string Light = "light";
    public const string Dark = "dark";
    public const string System = "system";

    /// <summary>The cookie that carries the choice, so the server renders the right palette before any script runs.</summary>
    public const string CookieName = "bufferlab.theme";

    public string Choice { get; private set; } = System;

    public bool IsDark { get; private set; }

    public event Action? Changed;

    /// <summary>A choice as stored (anything else is the system's).</summary>
    public static string Normalize(string? choice) => choice is Light or Dark ? choice : System;

    public void Set(string choice, bool isDark)
    {
        choice = Normalize(choice);
        if (choice == Choice && isDark == IsDark)
        {
            return;
        }

        (Choice, IsDark) = (choice, isDark);
        Changed?.Invoke();
    }

    /// <summary>The system's scheme changed: it matters only while the choice is the system's.</summary>
    public void SystemChanged(bool isDark)
    {
        if (Choice == System)
        {
            Set(System, isDark);
        }
    }
}
