using MudBlazor;

namespace Keel.Web.Components.Layout;

/// <summary>Keel's calm look: a deep teal primary, quiet surfaces, the system's own fonts (no web fonts).</summary>
public static class KeelTheme
{
    private static readonly string[] SystemFonts =
    [
        "system-ui", "-apple-system", "Segoe UI", "Roboto", "Ubuntu", "Cantarell", "Noto Sans",
        "Liberation Sans", "Helvetica Neue", "Arial", "sans-serif",
    ];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5c6e",
            PrimaryContrastText = "#ffffff",
            Secondary = "#2f5d8a",
            Tertiary = "#6a4c93",
            Info = "#1f6fb2",
            Success = "#2e7d4f",
            Warning = "#b26a00",
            Error = "#b3261e",
            AppbarBackground = "#0b4a5a",
            AppbarText = "#ffffff",
            Background = "#f5f7f8",
            BackgroundGray = "#eceff1",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2a30",
            DrawerIcon = "#3d5560",
            TextPrimary = "#1c262b",
            TextSecondary = "#52626a",
            LinesDefault = "#dfe5e8",
            TableLines = "#e6ebed",
            Divider = "#dfe5e8",
            ActionDefault = "#3d5560",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5cc2d1",
            PrimaryContrastText = "#06252c",
            Secondary = "#8ab4e0",
            Tertiary = "#b9a2dc",
            Info = "#7bb6ea",
            Success = "#6cc18f",
            Warning = "#e0a64b",
            Error = "#f2877f",
            AppbarBackground = "#10191d",
            AppbarText = "#e3eaed",
            Background = "#0c1316",
            BackgroundGray = "#131c20",
            Surface = "#152024",
            DrawerBackground = "#10191d",
            DrawerText = "#d5dee2",
            DrawerIcon = "#a9bac1",
            TextPrimary = "#e3eaed",
            TextSecondary = "#a4b3b9",
            LinesDefault = "#2a383e",
            TableLines = "#233035",
            Divider = "#2a383e",
            ActionDefault = "#b9c7cc",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts, FontSize = ".9375rem", LineHeight = "1.5" },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.25" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = "1.375rem", FontWeight = "600", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.4" },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts, FontSize = "1rem", FontWeight = "500" },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts, FontSize = ".875rem", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = SystemFonts, FontSize = ".9375rem", LineHeight = "1.55" },
            Body2 = new Body2Typography { FontFamily = SystemFonts, FontSize = ".875rem", LineHeight = "1.5" },
            Button = new ButtonTypography { FontFamily = SystemFonts, FontWeight = "600", TextTransform = "none", LetterSpacing = ".01em" },
            Caption = new CaptionTypography { FontFamily = SystemFonts, FontSize = ".8125rem" },
            Overline = new OverlineTypography { FontFamily = SystemFonts, FontWeight = "600", LetterSpacing = ".08em" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "248px" },
    };
}
