using MudBlazor;

namespace BufferLab.Simulator.Web.Components.Layout;

/// <summary>
/// MudBlazor's palettes in the dashboard's colours (the same values as app.css's variables, which
/// the hand-drawn views use), and the DejaVu fonts every machine here has.
/// </summary>
public static class DashboardTheme
{
    private static readonly string[] Sans = ["DejaVu Sans", "system-ui", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f6fdf",
            Secondary = "#1d6b68",
            Tertiary = "#8a4fc7",
            Success = "#2e8b57",
            Warning = "#b06d10",
            Error = "#d23f3f",
            Info = "#2f6fdf",
            Background = "#f6f7f9",
            Surface = "#ffffff",
            AppbarBackground = "#1f2933",
            AppbarText = "#f5f7fa",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#5f6b7a",
            LinesDefault = "#d9dee5",
            LinesInputs = "#9aa5b1",
            Divider = "#d9dee5",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea2ff",
            Secondary = "#4fc9c4",
            Tertiary = "#c29bff",

            // dark ink on the light fills (app.css's --on-fill): white on #6ea2ff is 2.6:1, this is over 7:1
            PrimaryContrastText = "#0d1117",
            SecondaryContrastText = "#0d1117",
            TertiaryContrastText = "#0d1117",
            InfoContrastText = "#0d1117",
            SuccessContrastText = "#0d1117",
            WarningContrastText = "#0d1117",
            ErrorContrastText = "#0d1117",
            Success = "#4cc486",
            Warning = "#f0a347",
            Error = "#f27171",
            Info = "#6ea2ff",
            Background = "#111519",
            Surface = "#192028",
            AppbarBackground = "#0a0d10",
            AppbarText = "#e3e8ee",
            DrawerBackground = "#192028",
            TextPrimary = "#e3e8ee",
            TextSecondary = "#9ba8b5",
            LinesDefault = "#343e4b",
            LinesInputs = "#566170",
            Divider = "#343e4b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Sans, FontSize = "15px" },
            Button = new ButtonTypography { FontFamily = Sans, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", AppbarHeight = "56px" },
    };
}
