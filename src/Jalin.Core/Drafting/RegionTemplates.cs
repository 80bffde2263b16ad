using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

public sealed record RegionTemplateSummary(string Code, string Name, string DefaultName, DocumentKind Form, string FormLabel, TemplateLayout Layout,
    IReadOnlyList<CooperationKind> Kinds, bool RegionCopy, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record RegionTemplateDetails(string Code, string Name, DocumentKind Form, string FormLabel, TemplateLayout Layout, bool RegionCopy, int Version,
    IReadOnlyList<DraftClauseView> Clauses, IReadOnlyList<ComplianceItem> Missing, bool CanEdit);

public sealed record RegionTemplateInput
{
    [StringLength(300, ErrorMessage = "Nama templat paling banyak 300 karakter.")]
    public string? Name { get; init; }
    [Required(ErrorMessage = "Pasal wajib diisi.")]
    public List<ClauseInput>? Clauses { get; init; }
    /// <summary>The version of the region's copy the editor started from (0 when it edited the default).</summary>
    [Required(ErrorMessage = "Versi dasar wajib diisi.")]
    public int? BasedOnVersion { get; init; }
}

public sealed record LetterheadView(bool HasLetterhead, string? Sha256, long? Size);

/// <summary>A region's own copies of the default templates (ISSUE #3 §1): the officer edits the
/// clauses (with {{fields}}), resets to Jalin's default, and uploads a DOCX letterhead (kop) used
/// by the region's letters.</summary>
public static class RegionTemplates
{
    public const string LetterheadSetting = "drafting.letterheadSha256";

    private static Error? Reader(CurrentActor actor) =>
        actor.RegionCode is null || actor.Role is Role.PartnerUser or Role.SystemAdmin or Role.SupervisorNational
            ? new ForbiddenError("Templat naskah milik daerah; peran Anda tidak memilikinya.")
            : null;

    private static bool Editor(CurrentActor actor) => actor.Role == Role.CooperationOfficer && actor.RegionCode is not null;

    public static async Task<Result<IReadOnlyList<RegionTemplateSummary>>> ListAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (Reader(actor) is { } e) return e;
        var copies = await db.RegionTemplates.AsNoTracking().Where(t => t.RegionCode == actor.RegionCode).ToDictionaryAsync(t => t.Code, ct);
        return DefaultTemplates.All.Select(t =>
        {
            copies.TryGetValue(t.Code, out var c);
            return new RegionTemplateSummary(t.Code, c?.Name ?? t.Name, t.Name, t.Form, t.Form.Label(), t.Layout, t.Kinds, c is not null, c?.UpdatedAt, c?.UpdatedBy);
        }).ToList();
    }

    public static async Task<Result<RegionTemplateDetails>> GetAsync(JalinDb db, CurrentActor actor, string code, CancellationToken ct = default)
    {
        if (Reader(actor) is { } e) return e;
        var t = DefaultTemplates.Find(code);
        if (t is null) return new NotFoundError("Templat tidak ditemukan.");
        var copy = await db.RegionTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.RegionCode == actor.RegionCode && x.Code == code, ct);
        var clauses = copy?.Clauses ?? t.Clauses.Select(c => c.ToDraftClause()).ToList();
        var missing = Missing(t, clauses);
        return new RegionTemplateDetails(t.Code, copy?.Name ?? t.Name, t.Form, t.Form.Label(), t.Layout, copy is not null, copy?.Version ?? 0,
            clauses.Select(c => new DraftClauseView(c.Key, c.Type, c.Type?.Label(), c.Heading, c.Paragraphs)).ToList(), missing, Editor(actor));
    }

    /// <summary>The clause muatan of the form the template lacks (shown while editing; drafts made from it will be checked again).</summary>
    private static IReadOnlyList<ComplianceItem> Missing(TemplateDefinition t, IReadOnlyList<DraftClause> clauses)
    {
        var types = DraftCompliance.Types(t.Layout, clauses);
        return Muatan.Rules.Where(r => r.Forms.Contains(t.Form) && r.Required && r.Clause is { } type && !types.Contains(type)
                                       && (t.Kinds.Count == 0 || t.Kinds.Any(r.IsFor)))
            .DistinctBy(r => r.Code)
            .Select(r => new ComplianceItem(r.Code, r.Label, false, true, r.Basis)).ToList();
    }

    public static async Task<Result<RegionTemplateDetails>> SaveAsync(JalinDb db, CurrentActor actor, string code, RegionTemplateInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (Reader(actor) is { } e) return e;
        if (!Editor(actor)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah templat daerahnya.");
        var t = DefaultTemplates.Find(code);
        if (t is null) return new NotFoundError("Templat tidak ditemukan.");
        var (clauses, fields) = Validate(input, t.Layout);
        if (fields.Count > 0) return new ValidationError("Templat belum dapat disimpan.", fields.ToDictionary(f => f.Key, f => f.Value.ToArray()));
        var copy = await db.RegionTemplates.FirstOrDefaultAsync(x => x.RegionCode == actor.RegionCode && x.Code == code, ct);
        if ((copy?.Version ?? 0) != input.BasedOnVersion)
            return new ConflictError("Templat ini telah diubah orang lain. Muat ulang lalu ulangi.");
        var name = string.IsNullOrWhiteSpace(input.Name) ? t.Name : input.Name.Trim();
        if (copy is null)
        {
            copy = new RegionTemplate { RegionCode = actor.RegionCode!, Code = code, Name = name, UpdatedBy = actor.UserName, UpdatedAt = clock.GetUtcNow(), Version = 1, Clauses = clauses };
            db.RegionTemplates.Add(copy);
        }
        else
        {
            copy.Name = name;
            copy.Clauses = clauses;
            copy.UpdatedBy = actor.UserName;
            copy.UpdatedAt = clock.GetUtcNow();
            copy.Version++;
        }
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return new ConflictError("Templat ini disimpan orang lain pada saat yang sama. Muat ulang lalu ulangi."); }
        return await GetAsync(db, actor, code, ct);
    }

    /// <summary>Back to Jalin's default: the region's copy is removed (drafts already made keep their text).</summary>
    public static async Task<Result<RegionTemplateDetails>> ResetAsync(JalinDb db, CurrentActor actor, string code, CancellationToken ct = default)
    {
        if (Reader(actor) is { } e) return e;
        if (!Editor(actor)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah templat daerahnya.");
        if (DefaultTemplates.Find(code) is null) return new NotFoundError("Templat tidak ditemukan.");
        var copy = await db.RegionTemplates.FirstOrDefaultAsync(x => x.RegionCode == actor.RegionCode && x.Code == code, ct);
        if (copy is null) return new ConflictError("Daerah Anda memakai templat bawaan; tidak ada salinan yang dikembalikan.");
        db.ActingAs(actor).RegionTemplates.Remove(copy);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, code, ct);
    }

    internal static (List<DraftClause> Clauses, Dictionary<string, List<string>> Fields) Validate(RegionTemplateInput input, TemplateLayout layout)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToList());
        return (ClauseInputs.Validate(input.Clauses, layout, "Templat", fields), fields);
    }

    public static async Task<Result<LetterheadView>> LetterheadAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (Reader(actor) is { } e) return e;
        var sha = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == actor.RegionCode && s.Key == LetterheadSetting).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var size = sha is null ? null : await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == sha).Select(f => (long?)f.Size).FirstOrDefaultAsync(ct);
        return new LetterheadView(sha is not null, sha, size);
    }

    /// <summary>Stores the region's letterhead: a DOCX whose first-page/default header (the kop)
    /// is copied into the region's letters. Refused when the file is not a DOCX with a header.</summary>
    public static async Task<Result<LetterheadView>> SetLetterheadAsync(JalinDb db, FileStore files, CurrentActor actor, byte[]? content, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (Reader(actor) is { } e) return e;
        if (!Editor(actor)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengatur kop surat daerahnya.");
        if (content is null || content.Length == 0) return ValidationError.Of("file", "Unggah berkas DOCX berisi kop surat daerah.");
        if (content.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
        if (FileSniffer.Detect(content) != FileSniffer.Docx) return ValidationError.Of("file", "Kop surat harus berkas DOCX (Word).");
        if (FileSniffer.Refusal(content, FileSniffer.Docx) is { } refused) return ValidationError.Of("file", "Kop surat ditolak: " + refused);
        if (!Letterhead.HasHeader(content)) return ValidationError.Of("file", "Berkas DOCX ini tidak memiliki header. Buat kop surat di bagian Header dokumen Word, lalu unggah lagi.");
        var blob = await db.StoreAsync(files, content, FileSniffer.Docx, clock, ct);
        var row = await db.RegionSettings.FirstOrDefaultAsync(s => s.RegionCode == actor.RegionCode && s.Key == LetterheadSetting, ct);
        if (row is null) db.RegionSettings.Add(new RegionSetting { RegionCode = actor.RegionCode!, Key = LetterheadSetting, Value = blob.Sha256 });
        else row.Value = blob.Sha256;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new LetterheadView(true, blob.Sha256, blob.Size);
    }

    /// <summary>The region's letterhead DOCX bytes, or null.</summary>
    public static async Task<byte[]?> LetterheadBytesAsync(JalinDb db, FileStore files, string regionCode, CancellationToken ct)
    {
        var sha = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.Key == LetterheadSetting).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (sha is null) return null;
        // A letterhead altered on disk is logged by the store and left out of the letter, never copied into it.
        var bytes = await files.ReadAsync(sha, ct);
        return bytes.Ok ? bytes.Value : null;
    }
}

public sealed record ClauseWordingView(string Id, ClauseType Type, string TypeLabel, string Name, string Heading, IReadOnlyList<string> Paragraphs, bool RegionOwn,
    string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record LibraryClauseInput
{
    [Required(ErrorMessage = "Jenis muatan wajib dipilih.")]
    public ClauseType? Type { get; init; }
    [Required(ErrorMessage = "Nama rumusan wajib diisi.")]
    [StringLength(300, ErrorMessage = "Nama rumusan paling banyak 300 karakter.")]
    public string? Name { get; init; }
    [Required(ErrorMessage = "Judul pasal wajib diisi.")]
    [StringLength(300, ErrorMessage = "Judul pasal paling banyak 300 karakter.")]
    public string? Heading { get; init; }
    [Required(ErrorMessage = "Ayat wajib diisi.")]
    public List<string>? Paragraphs { get; init; }
}

/// <summary>The clause library a region drafts from: Jalin's wordings plus the region's own
/// (ISSUE #3 §2), each marked with the muatan it satisfies.</summary>
public static class RegionClauses
{
    public static async Task<Result<IReadOnlyList<ClauseWordingView>>> ListAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        // A partner's liaison is filed under the region that registered the partner, but the region's own
        // wordings are its internal papers: the liaison reads Jalin's library only.
        var own = actor.RegionCode is null || actor.Role is Role.SystemAdmin or Role.PartnerUser
            ? []
            : await db.LibraryClauses.AsNoTracking().Where(c => c.RegionCode == actor.RegionCode).ToListAsync(ct);
        return ClauseLibrary.All.Select(w => new ClauseWordingView(w.Id, w.Type, w.Type.Label(), w.Name, w.Heading, w.Paragraphs, false, null, null))
            .Concat(own.OrderBy(c => c.Name).Select(c => new ClauseWordingView(c.Id.ToString(), c.Type, c.Type.Label(), c.Name, c.Heading, c.Paragraphs, true, c.UpdatedBy, c.UpdatedAt)))
            .OrderBy(w => w.Type).ThenBy(w => w.RegionOwn).ToList();
    }

    private static (List<string> Paragraphs, Dictionary<string, string[]> Fields) Validate(LibraryClauseInput input)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(x => x.field).ToDictionary(g => g.Key, g => g.Select(x => x.message).ToArray());
        if (input.Type is { } t && !Enum.IsDefined(t)) fields["type"] = ["Jenis muatan tidak dikenal."];
        var paragraphs = (input.Paragraphs ?? []).Select(p => (p ?? "").Trim()).Where(p => p.Length > 0).ToList();
        if (input.Paragraphs is not null && paragraphs.Count == 0) fields["paragraphs"] = ["Rumusan harus berisi sekurang-kurangnya satu ayat."];
        else if (paragraphs.Count > 30 || paragraphs.Any(p => p.Length > 8000)) fields["paragraphs"] = ["Paling banyak 30 ayat, masing-masing paling banyak 8000 karakter."];
        else if (paragraphs.SelectMany(DraftFields.Unknown).Distinct().ToList() is { Count: > 0 } unknown)
            fields["paragraphs"] = ["Isian tidak dikenal: " + string.Join(", ", unknown.Select(u => "{{" + u + "}}")) + "."];
        return (paragraphs, fields);
    }

    public static async Task<Result<ClauseWordingView>> SaveAsync(JalinDb db, CurrentActor actor, Guid? id, LibraryClauseInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang menambah rumusan pasal daerahnya.");
        LibraryClause? row = null;
        if (id is { } existing)
        {
            row = await db.LibraryClauses.FirstOrDefaultAsync(c => c.Id == existing && c.RegionCode == actor.RegionCode, ct);
            if (row is null) return new NotFoundError("Rumusan pasal tidak ditemukan.");
        }
        var (paragraphs, fields) = Validate(input);
        if (fields.Count > 0) return new ValidationError("Rumusan pasal belum dapat disimpan.", fields);
        if (row is null)
        {
            row = new LibraryClause
            {
                RegionCode = actor.RegionCode, Type = input.Type!.Value, Name = input.Name!.Trim(), Heading = input.Heading!.Trim(), Paragraphs = paragraphs,
                UpdatedBy = actor.UserName, UpdatedAt = clock.GetUtcNow(),
            };
            db.LibraryClauses.Add(row);
        }
        else
        {
            row.Type = input.Type!.Value;
            row.Name = input.Name!.Trim();
            row.Heading = input.Heading!.Trim();
            row.Paragraphs = paragraphs;
            row.UpdatedBy = actor.UserName;
            row.UpdatedAt = clock.GetUtcNow();
        }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new ClauseWordingView(row.Id.ToString(), row.Type, row.Type.Label(), row.Name, row.Heading, row.Paragraphs, true, row.UpdatedBy, row.UpdatedAt);
    }

    public static async Task<Result<Unit>> DeleteAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang menghapus rumusan pasal daerahnya.");
        var row = await db.LibraryClauses.FirstOrDefaultAsync(c => c.Id == id && c.RegionCode == actor.RegionCode, ct);
        if (row is null) return new NotFoundError("Rumusan pasal tidak ditemukan.");
        db.ActingAs(actor).LibraryClauses.Remove(row);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
