using Jalin.Core.Agreements;

namespace Jalin.Core.Drafting;

/// <summary>How a document is laid out: a naskah with pasal and ayat between PIHAK KESATU..., a
/// letter (nomor, perihal, yth., body, signature) or an outline (KAK, studi kelayakan: BAB).</summary>
public enum TemplateLayout { Naskah, Letter, Outline }

/// <summary>One pasal (naskah), paragraph group (letter) or chapter (outline) of a draft. The key
/// stays the same across versions, so versions compare and comments anchor clause by clause.</summary>
public sealed class DraftClause
{
    public Guid Key { get; set; } = Guid.NewGuid();
    /// <summary>The muatan this clause satisfies; null for letters and outlines.</summary>
    public ClauseType? Type { get; set; }
    public string Heading { get; set; } = "";
    public List<string> Paragraphs { get; set; } = [];

    public DraftClause Copy() => new() { Key = Key, Type = Type, Heading = Heading, Paragraphs = [.. Paragraphs] };

    public string Text => string.Join("\n", Paragraphs);
}

public enum DraftStatus { Open, Final }

/// <summary>A draft of one document of an agreement (KB, PKS, surat penawaran, ...), made from a
/// template and then edited clause by clause. Its content lives in immutable
/// <see cref="DraftVersion"/> rows; the draft itself holds who may change it and the
/// pre-signing override.</summary>
public sealed class Draft
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgreementId { get; init; }
    public required string RegionCode { get; init; }
    public DocumentKind Form { get; init; }
    public TemplateLayout Layout { get; init; }
    public required string TemplateCode { get; init; }
    public required string Title { get; set; }
    public DraftStatus Status { get; set; }
    public int LatestVersion { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: a save based on an older version is refused.</summary>
    public int Version { get; set; }

    /// <summary>A leader's recorded decision to send this version to signing although required
    /// muatan is missing (ISSUE #3 §6). Valid for <see cref="OverrideVersion"/> only.</summary>
    public int? OverrideVersion { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideBy { get; set; }
    public DateTimeOffset? OverrideAt { get; set; }

    /// <summary>The document number given from the region's pattern when the final was issued.</summary>
    public string? Number { get; set; }
    public int? NumberYear { get; set; }
    public int? NumberSequence { get; set; }
    /// <summary>The agreement document the final DOCX/PDF was filed as.</summary>
    public Guid? FinalDocumentId { get; set; }

    public List<DraftVersion> Versions { get; init; } = [];
}

/// <summary>One saved state of a draft: never changed after it is written.</summary>
public sealed class DraftVersion
{
    public long Id { get; init; }
    public Guid DraftId { get; init; }
    public int Number { get; init; }
    public required string AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    public string? Note { get; init; }
    public int? RestoredFrom { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string Place { get; init; } = "";
    public List<DraftClause> Clauses { get; init; } = [];
}

/// <summary>A remark on one clause of a draft, by TKKSD members, officers, the lead OPD or the partner's liaison.</summary>
public sealed class DraftComment
{
    public long Id { get; init; }
    public Guid DraftId { get; init; }
    public Guid ClauseKey { get; init; }
    public int VersionNumber { get; init; }
    public required string AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    public required string AuthorRole { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? RegionCode { get; init; }
    /// <summary>The first comment of the thread this one answers; null for a thread's first comment.</summary>
    public long? ReplyToId { get; init; }
    /// <summary>A thread is marked resolved (on its first comment) by the owning region's editors or
    /// the thread's author, and can be reopened; replies never carry this.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>A region's own copy of a template (the default set lives in <see cref="DefaultTemplates"/>).</summary>
public sealed class RegionTemplate
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public List<DraftClause> Clauses { get; set; } = [];
    /// <summary>A DOCX whose header (kop) and styles the region's documents use.</summary>
    public string? LetterheadSha256 { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A region's own wording in the clause library (the default wordings live in <see cref="ClauseLibrary"/>).</summary>
public sealed class LibraryClause
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    public ClauseType Type { get; set; }
    public required string Name { get; set; }
    public required string Heading { get; set; }
    public List<string> Paragraphs { get; set; } = [];
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The public record of an issued final document: what the verification code on it
/// stands for (ISSUE #3 §8).</summary>
public sealed class DocumentVerification
{
    public required string Code { get; init; }
    public Guid AgreementId { get; init; }
    public Guid DocumentId { get; init; }
    public Guid? DraftId { get; init; }
    public required string RegionCode { get; init; }
    public required string Title { get; init; }
    public required string FormLabel { get; init; }
    public required string Parties { get; init; }
    public string? Number { get; init; }
    public DateOnly IssuedOn { get; init; }
    public DateOnly? SignedOn { get; set; }
    public required string Sha256 { get; init; }
    public string? SignedSha256 { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
