using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jalin.Core.Import;

/// <summary>What a legacy register holds: one kind of record per import.</summary>
public enum ImportTarget { Agreements, Partners, Agencies, Proposals }

/// <summary>Where an import stands. <see cref="Committing"/> left behind by a stopped process is read as interrupted
/// (nothing was written: the commit is one transaction) and may be committed again.</summary>
public enum ImportStatus { Uploaded, Mapped, Previewed, Committing, Committed, Failed }

public enum ImportFileFormat { Xlsx, Csv }

/// <summary>One import of a legacy register, kept so a person can leave and come back to it: the uploaded file (in the
/// file store, by SHA-256), which sheet and header row, the column mapping, what was decided per row (skip, corrected
/// values, link or create a partner), and how far the commit got. Owned by <see cref="RegionCode"/>.</summary>
public sealed class ImportSession
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public ImportTarget Target { get; init; }
    public ImportStatus Status { get; set; }
    public required string CreatedBy { get; init; }
    public required string CreatedByName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string FileName { get; init; }
    public required string FileSha256 { get; init; }
    public long FileSize { get; init; }
    public ImportFileFormat Format { get; init; }
    public string? SheetName { get; set; }
    /// <summary>The sheet row (1-based, as Excel numbers it) holding the column names; data starts below it (and below
    /// its sub-header row when <see cref="SubHeaderRow"/> is set).</summary>
    public int HeaderRow { get; set; }
    public int? SubHeaderRow { get; set; }
    /// <summary>JSON: the column names read from the header row(s), in column order.</summary>
    public string HeadersJson { get; set; } = "[]";
    /// <summary>JSON: field code → column index (0-based).</summary>
    public string MappingJson { get; set; } = "{}";
    /// <summary>JSON: sheet row number → <see cref="RowDecision"/>.</summary>
    public string DecisionsJson { get; set; } = "{}";
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int ErrorRows { get; set; }
    public int WarningRows { get; set; }
    public int SkippedRows { get; set; }
    /// <summary>Records created by the commit (agreements, partners, OPDs or proposals; partners created beside agreements
    /// are counted in <see cref="PartnersCreated"/>).</summary>
    public int CreatedCount { get; set; }
    public int PartnersCreated { get; set; }
    public DateTimeOffset? CommittedAt { get; set; }
    /// <summary>Why the last commit failed (Indonesian, for the page).</summary>
    public string? Message { get; set; }
    public int Version { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<string> Headers => JsonSerializer.Deserialize<List<string>>(HeadersJson, Json) ?? [];
    public Dictionary<string, int> Mapping => JsonSerializer.Deserialize<Dictionary<string, int>>(MappingJson, Json) ?? [];
    public Dictionary<int, RowDecision> Decisions => JsonSerializer.Deserialize<Dictionary<int, RowDecision>>(DecisionsJson, Json) ?? [];

    public void SetHeaders(IReadOnlyList<string> headers) => HeadersJson = JsonSerializer.Serialize(headers, Json);
    public void SetMapping(IReadOnlyDictionary<string, int> mapping) => MappingJson = JsonSerializer.Serialize(mapping, Json);
    public void SetDecisions(IReadOnlyDictionary<int, RowDecision> decisions) => DecisionsJson = JsonSerializer.Serialize(decisions, Json);

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What the person decided for one row: skip it, replace some values (field code → text, read again by the same
/// parsers), and for a partner that already exists whether to link to it (the default) or create a new one.</summary>
public sealed record RowDecision
{
    public bool Skip { get; init; }
    public Dictionary<string, string> Fixes { get; init; } = [];
    public bool CreateNewPartner { get; init; }
}

internal sealed class ImportSessionConfiguration : IEntityTypeConfiguration<ImportSession>
{
    public void Configure(EntityTypeBuilder<ImportSession> e)
    {
        e.Property(s => s.RegionCode).HasMaxLength(13);
        e.Property(s => s.Target).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Format).HasConversion<string>().HasMaxLength(10);
        e.Property(s => s.CreatedBy).HasMaxLength(100);
        e.Property(s => s.CreatedByName).HasMaxLength(200);
        e.Property(s => s.FileName).HasMaxLength(255);
        e.Property(s => s.FileSha256).HasMaxLength(64);
        e.Property(s => s.SheetName).HasMaxLength(100);
        e.Property(s => s.Message).HasMaxLength(2000);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.Ignore(s => s.Headers);
        e.Ignore(s => s.Mapping);
        e.Ignore(s => s.Decisions);
        e.HasIndex(s => new { s.RegionCode, s.CreatedAt });
        e.HasOne<Regions.Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
