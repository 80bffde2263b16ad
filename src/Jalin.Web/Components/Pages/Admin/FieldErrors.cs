using Jalin.Core.Common;

namespace Jalin.Web.Components.Pages.Admin;

/// <summary>A use case's error for a form: the summary message and the Indonesian messages per
/// field (camelCase keys from <see cref="ValidationError.Fields"/>).</summary>
public sealed class FieldErrors
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]> _fields = None;

    public string? Summary { get; private set; }

    public void Clear()
    {
        _fields = None;
        Summary = null;
    }

    public void Set(Error error)
    {
        Summary = error.Message;
        _fields = error is ValidationError v ? v.Fields : None;
    }

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? this[string field] => _fields.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    /// <summary>Messages of fields the form does not show next to an input. An entry ending in
    /// "[" covers a list's rows ("contacts[" covers "contacts[0].name").</summary>
    public IEnumerable<string> Others(IEnumerable<string> shown)
    {
        var list = shown.ToList();
        return _fields.Where(f => !list.Any(s => s.EndsWith('[') ? f.Key.StartsWith(s, StringComparison.Ordinal) : f.Key == s)).SelectMany(f => f.Value);
    }
}
