namespace Jalin.Web.Components.Shared;

/// <summary>Typed values a form could not read (an amount or a date in a form Jalin does not
/// know). A form passes one instance to its <see cref="RupiahField"/> and <see cref="DateField"/>s
/// and refuses to save while any is unreadable, so a field is never dropped silently: the text the
/// officer typed stays in the input with the Indonesian message saying what is expected.</summary>
public sealed class UnreadableInputs
{
    private readonly Dictionary<string, string> _problems = new();

    public bool Any => _problems.Count > 0;

    public IReadOnlyDictionary<string, string> Problems => _problems;

    public void Set(string field, string? problem)
    {
        if (problem is null) _problems.Remove(field);
        else _problems[field] = problem;
    }

    /// <summary>The summary a form shows when it refuses to save.</summary>
    public string Summary => _problems.Count == 1
        ? "Satu isian belum dapat dibaca. Perbaiki isian yang ditandai merah lalu simpan lagi."
        : $"{_problems.Count} isian belum dapat dibaca. Perbaiki isian yang ditandai merah lalu simpan lagi.";
}
