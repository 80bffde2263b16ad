using MudBlazor;

namespace Jalin.Web.Components.Layout;

public static class JalinTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5d7a",
            Secondary = "#c77c02",
            AppbarBackground = "#0b5d7a",
        },
    };
}
