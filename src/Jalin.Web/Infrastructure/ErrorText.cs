using Jalin.Core.Common;

namespace Jalin.Web.Infrastructure;

public static class ErrorText
{
    /// <summary>What to show for a refused use case in one line: the field messages of a validation
    /// error (they name what to fix), else the error's own message.</summary>
    public static string Explain(this Error e) =>
        e is ValidationError v && v.Fields.Count > 0 ? string.Join(" ", v.Fields.SelectMany(f => f.Value)) : e.Message;
}
