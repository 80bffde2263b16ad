using DiffPlex;
using DiffPlex.Chunkers;

namespace Jalin.Core.Drafting;

public enum ChangeKind { Same, Inserted, Deleted }

/// <summary>A run of words that is the same in both versions, only in the newer (inserted) or only
/// in the older (deleted).</summary>
public sealed record ChangeSegment(ChangeKind Kind, string Text);

/// <summary>Word-level comparison of two versions of a clause or a whole draft (DiffPlex), for the
/// side-by-side view with insertions and deletions marked.</summary>
public static class VersionCompare
{
    public static IReadOnlyList<ChangeSegment> Words(string older, string newer)
    {
        var diff = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<ChangeSegment>();
        void Add(ChangeKind kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new ChangeSegment(kind, text));
        }

        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(ChangeKind.Same, diff.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(ChangeKind.Deleted, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(ChangeKind.Inserted, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(ChangeKind.Same, diff.PiecesOld.Skip(a));
        return segments;
    }

    /// <summary>The older text rebuilt from the segments (same + deleted).</summary>
    public static string Older(IEnumerable<ChangeSegment> segments) => string.Concat(segments.Where(s => s.Kind != ChangeKind.Inserted).Select(s => s.Text));

    /// <summary>The newer text rebuilt from the segments (same + inserted).</summary>
    public static string Newer(IEnumerable<ChangeSegment> segments) => string.Concat(segments.Where(s => s.Kind != ChangeKind.Deleted).Select(s => s.Text));
}
