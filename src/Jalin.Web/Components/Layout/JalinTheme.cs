using MudBlazor;

namespace Jalin.Web.Components.Layout;

public static class JalinTheme
{
    // Status colours darkened from MudBlazor's defaults so chips (white on colour, colour on white), alert text
    // and error lines reach WCAG AA contrast (4.5:1) on white; checked by AccessibilityTests (axe-core).
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5d7a",
            Secondary = "#8a5300",
            AppbarBackground = "#0b5d7a",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a04a00",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.66)",
            TextDisabled = "rgba(0,0,0,0.60)",
            ActionDisabled = "rgba(0,0,0,0.54)",
        },
    };
}
