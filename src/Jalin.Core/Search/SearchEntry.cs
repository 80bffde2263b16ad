using Jalin.Core.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Search;

/// <summary>What a search hit is about.</summary>
public enum SearchKind { Agreement, Partner, Proposal, Potential, Need, Draft, DocumentText, GoodPractice }

public static class SearchKindLabels
{
    public static string Label(this SearchKind kind) => kind switch
    {
        SearchKind.Agreement => "Kerja sama",
        SearchKind.Partner => "Mitra",
        SearchKind.Proposal => "Usulan",
        SearchKind.Potential => "Potensi daerah",
        SearchKind.Need => "Kebutuhan daerah",
        SearchKind.Draft => "Rancangan naskah",
        SearchKind.DocumentText => "Isi dokumen",
        SearchKind.GoodPractice => "Praktik baik",
        _ => kind.ToString(),
    };

    public static bool TryParse(string? value, out SearchKind kind) =>
        Enum.TryParse(value, ignoreCase: true, out kind) && Enum.IsDefined(kind);
}

/// <summary>One searchable subject (an agreement, partner, usulan, potential or need, good practice, an agreement's draft
/// or the text of one of its uploaded documents): its title, a bounded copy of its
/// text for snippets, the stemmed tokens the full-text engines match (PostgreSQL GIN on a stored to_tsvector('simple') column,
/// SQLite FTS5 table <c>SearchEntriesFts</c>), and what visibility is checked against (region, agreement).</summary>
public sealed class SearchEntry
{
    public const int MaxBody = 20_000;
    public const int MaxTokens = 60_000;

    public long Id { get; init; }
    public SearchKind Kind { get; set; }
    public Guid SubjectId { get; set; }
    public required string RegionCode { get; set; }
    public Guid? AgreementId { get; set; }
    public CooperationKind? CooperationKind { get; set; }
    public int? Year { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string Tokens { get; set; } = "";
    public bool IsPublic { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> e)
    {
        e.ToTable("SearchEntries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.Property(x => x.CooperationKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.Body).HasMaxLength(SearchEntry.MaxBody);
        e.Property(x => x.Tokens).HasMaxLength(SearchEntry.MaxTokens);
        e.HasIndex(x => new { x.SubjectId, x.Kind }).IsUnique(); // subject first: every reindex looks entries up by subject
        e.HasIndex(x => x.AgreementId);
        e.HasIndex(x => new { x.IsPublic, x.RegionCode });
    }
}
