using Jalin.Core.Common;
using MudBlazor;

namespace Jalin.Web.Components.Shared;

/// <summary>The date picker's text: shows "30 November 2026" and reads every form
/// <see cref="IndonesianFormat.ParseDate"/> accepts (30/11/2026, 30-11-2026, 30 Nov 2026 …).
/// A text it cannot read throws with the Indonesian message; MudBlazor keeps the text and
/// marks the field (ConversionError).</summary>
public sealed class IndonesianDateConverter : IReversibleConverter<DateTime?, string?>
{
    public string? Convert(DateTime? value) => 
        value is { } d ? IndonesianFormat.FormatDateLong(DateOnly.FromDateTime(d)) : null;

    /// <summary>Told the outcome of every reading of typed text: the Indonesian message, or null when read.</summary>
    public Action<string?>? Read { get; init; }

    public DateTime? ConvertBack(string? text)
    {
        var r = IndonesianFormat.ParseDate(text);
        Read?.Invoke(r.Ok ? null : r.Error!.Message);
        if (!r.Ok) throw new FormatException(r.Error!.Message);
        return r.Value is { } d ? d.ToDateTime(TimeOnly.MinValue) : null;
    }
}
