using System.Text.RegularExpressions;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Tests.Law;

/// <summary>What a person reads cites the law, never our working papers: no "DOMAIN §", no
/// certainty tag ("[V]", "[V-local]", "[I]", "[U]") and no action code such as
/// <c>complete-preparation</c> as text. Scans every string literal of the product's C# sources
/// (use cases, API messages, templates, seed data) and the markup and literals of every Razor
/// page. The generated naskah of every template is checked in TemplatesTests.</summary>
public sealed partial class UserFacingTextTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>Sources whose text reaches a person. Migrations are schema code; ActionCode.cs is where the codes are declared.</summary>
    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains("Jalin.Migrations.", StringComparison.Ordinal)
                        && !f.EndsWith($"Lifecycle{Path.DirectorySeparatorChar}ActionCode.cs", StringComparison.Ordinal));

    // A C# string literal: regular, verbatim or interpolated, single line (raw literals are not used in user text).
    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.|"""")*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"DOMAIN\s*§|\[(V|V-local|I|U)[\]\s:,-]")]
    private static partial Regex WorkingPaperMarker();

    [GeneratedRegex(@"^\s*(//|///|\*)")]
    private static partial Regex CommentLine();

    /// <summary>The text a person may read in a file: string literals, and for Razor also the markup outside code.</summary>
    private static IEnumerable<(int line, string text)> ReadableText(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (CommentLine().IsMatch(line)) continue;
            foreach (Match m in StringLiteral().Matches(line)) yield return (i + 1, m.Value);
            if (file.EndsWith(".razor", StringComparison.Ordinal) && !line.TrimStart().StartsWith('[') && !line.TrimStart().StartsWith("@*", StringComparison.Ordinal))
                yield return (i + 1, line);
        }
    }

    [Fact]
    public void No_user_facing_text_shows_working_paper_markers()
    {
        var hits = Sources().SelectMany(f => ReadableText(f)
                .Where(t => WorkingPaperMarker().IsMatch(t.text))
                .Select(t => $"{Path.GetRelativePath(Root, f)}:{t.line}: {t.text.Trim()}"))
            .Distinct().ToList();
        Assert.True(hits.Count == 0, "Working-paper markers in text a person reads:\n" + string.Join("\n", hits.Take(40)));
    }

    [Fact]
    public void No_source_spells_an_action_code_as_a_string()
    {
        var codes = ActionCode.All.Select(a => a.Value).ToHashSet();
        var hits = Sources().SelectMany(f => File.ReadAllLines(f).Select((line, i) => (line, i))
                .Where(x => !CommentLine().IsMatch(x.line))
                .SelectMany(x => StringLiteral().Matches(x.line).Select(m => (m.Value, x.i)))
                .Where(x => codes.Contains(x.Value.Trim('$', '@', '"')))
                .Select(x => $"{Path.GetRelativePath(Root, f)}:{x.i + 1}: {x.Value}"))
            .ToList();
        Assert.True(hits.Count == 0, "Action codes typed as strings (use ActionCode members):\n" + string.Join("\n", hits.Take(40)));
    }

    [Fact]
    public void The_scanners_find_what_they_look_for()
    {
        // the patterns are not vacuous
        Assert.Matches(WorkingPaperMarker(), "lihat DOMAIN §4.1");
        Assert.Matches(WorkingPaperMarker(), "PP 28/2018 Ps 9 [V]");
        Assert.Matches(WorkingPaperMarker(), "praktik [V-local Yogyakarta]");
        Assert.Matches(WorkingPaperMarker(), "nilai [U]");
        Assert.DoesNotMatch(WorkingPaperMarker(), "[Parameter] public int X");
        Assert.Equal(["\"complete-preparation\""], StringLiteral().Matches("var a = \"complete-preparation\";").Select(m => m.Value));
        Assert.True(Sources().Count() > 100, "the scan reads the product's sources");
        Assert.Contains(Sources(), f => f.EndsWith("AgreementDetailPage.razor", StringComparison.Ordinal));
    }
}
