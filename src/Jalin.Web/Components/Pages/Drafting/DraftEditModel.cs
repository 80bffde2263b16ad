using Jalin.Core.Drafting;

namespace Jalin.Web.Components.Pages.Drafting;

/// <summary>One ayat being edited (a class, so inputs bind to it by reference).</summary>
public sealed class ParagraphEdit
{
    public string Text { get; set; } = "";
}

/// <summary>One pasal being edited on the draft page; <see cref="Key"/> is null for a new one.</summary>
public sealed class ClauseEdit
{
    public Guid? Key { get; init; }
    public ClauseType? Type { get; set; }
    public string Heading { get; set; } = "";
    public List<ParagraphEdit> Paragraphs { get; set; } = [];
    /// <summary>A stable id for @key while clauses move.</summary>
    public Guid RenderKey { get; } = Guid.NewGuid();

    public static ClauseEdit From(DraftClauseView c) => new()
    {
        Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = c.Paragraphs.Select(p => new ParagraphEdit { Text = p }).ToList(),
    };

    public static ClauseEdit From(ClauseWordingView w) => new()
    {
        Type = w.Type, Heading = w.Heading, Paragraphs = w.Paragraphs.Select(p => new ParagraphEdit { Text = p }).ToList(),
    };

    public void ReplaceWith(ClauseWordingView w)
    {
        Type = w.Type;
        Heading = w.Heading;
        Paragraphs = w.Paragraphs.Select(p => new ParagraphEdit { Text = p }).ToList();
    }

    public ClauseInput ToInput() => new() { Key = Key, Type = Type, Heading = Heading, Paragraphs = Paragraphs.Select(p => p.Text).ToList() };

    public bool SameAs(DraftClauseView c) =>
        Key == c.Key && Type == c.Type && Heading == c.Heading && Paragraphs.Select(p => p.Text).SequenceEqual(c.Paragraphs);

    public static bool AnyChange(IReadOnlyList<ClauseEdit> edits, IReadOnlyList<DraftClauseView> saved) =>
        edits.Count != saved.Count || edits.Where((e, i) => !e.SameAs(saved[i])).Any();
}
