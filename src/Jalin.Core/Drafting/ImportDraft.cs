using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

public sealed record ImportDraftRequest
{
    /// <summary>The version the editor saw; an import on an older one is refused (409), like a save.</summary>
    [Required(ErrorMessage = "Versi dasar wajib diisi.")]
    public int? BasedOnVersion { get; init; }
    [StringLength(1000, ErrorMessage = "Catatan paling banyak 1000 karakter.")]
    public string? Note { get; init; }
}

/// <summary>The new version and what the officer should know about the import.</summary>
public sealed record DraftImportResult(DraftDetails Draft, IReadOnlyList<string> Notes, int Clauses);

/// <summary>A Word file (DOCX) becomes the next version of a draft: a region's existing Word
/// draft, or the partner's copy with its edits. Pasal that match the previous version (by heading,
/// else by muatan type) keep their key, so the version compare lines the edits up pasal by pasal
/// and comments stay on their pasal. Everything a save checks applies (editor, open draft, stale
/// version, fields).</summary>
public static class ImportDraft
{
    public static async Task<Result<DraftImportResult>> HandleAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, ImportDraftRequest request,
        Stream? file, string? fileName, TimeProvider clock, CancellationToken ct = default)
    {
        var (a, d, error) = await DraftUseCases.LoadForChangeAsync(db, actor, agreementId, draftId, ct);
        if (error is not null) return error;
        if (!DraftAccess.CanEdit(actor, a!)) return new ForbiddenError(DraftUseCases.NotEditor);
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (file is null) fields["file"] = ["Unggah berkas Word (.docx) rancangan."];
        if (fields.Count > 0) return new ValidationError("Impor belum dapat dilakukan.", fields);
        var parsed = DocxImport.Parse(file!, d!.Layout);
        if (!parsed.Ok) return parsed.Error!;
        var imported = parsed.Value!;

        var previous = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == d.Id && v.Number == d.LatestVersion).Select(v => v.Clauses).FirstAsync(ct);
        var clauses = DocxImport.KeepKeys(previous, imported.Clauses);
        var name = Path.GetFileName(fileName ?? "").Trim();
        var note = string.IsNullOrWhiteSpace(request.Note) ? $"Diimpor dari berkas Word{(name.Length > 0 ? " " + Truncate(name, 200) : "")}" : request.Note;
        var saved = await DraftUseCases.SaveAsync(db, actor, agreementId, draftId, new SaveDraftRequest
        {
            BasedOnVersion = request.BasedOnVersion, Note = note,
            Clauses = clauses.Select(c => new ClauseInput { Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = [.. c.Paragraphs] }).ToList(),
        }, clock, ct);
        if (saved.Ok) return new DraftImportResult(saved.Value!, imported.Notes, clauses.Count);
        // What a save refuses in the file's text (an unknown {{field}}) is reported on the file, by pasal.
        if (saved.Error is ValidationError v && v.Fields.Keys.Any(k => k.StartsWith("clauses", StringComparison.Ordinal)))
            return new ValidationError("Isi berkas belum dapat disimpan sebagai rancangan.", new Dictionary<string, string[]>
            {
                ["file"] = [.. v.Fields.SelectMany(f => f.Value.Select(m => $"{Where(f.Key, d.Layout)}{m}"))],
            });
        return saved.Error!;
    }

    /// <summary>A new draft that starts from a Word file: version 1 from the chosen template,
    /// version 2 from the file, so the compare shows how the file differs from Jalin's template
    /// and the checklist what it lacks. Both versions are written in one transaction: a file that
    /// cannot be imported leaves no draft behind.</summary>
    public static async Task<Result<DraftImportResult>> CreateAsync(JalinDb db, CurrentActor actor, Guid agreementId, CreateDraftRequest request,
        Stream? file, string? fileName, TimeProvider clock, CancellationToken ct = default)
    {
        // Everything runs in the order a save checks it (who, template, file); any refusal rolls the new draft back.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await DraftUseCases.CreateAsync(db, actor, agreementId, request, clock, ct);
        if (!created.Ok) return created.Error!;
        var imported = await HandleAsync(db, actor, agreementId, created.Value!.Id, new ImportDraftRequest { BasedOnVersion = 1 }, file, fileName, clock, ct);
        if (!imported.Ok) return imported.Error!;
        await tx.CommitAsync(ct);
        return imported;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>"clauses[3].paragraphs" → "Pasal 4: ".</summary>
    private static string Where(string key, TemplateLayout layout)
    {
        var open = key.IndexOf('[');
        var close = key.IndexOf(']');
        if (open < 0 || close < open || !int.TryParse(key[(open + 1)..close], out var i)) return "";
        var unit = layout switch { TemplateLayout.Letter => "Bagian", TemplateLayout.Outline => "Bab", _ => "Pasal" };
        return $"{unit} {i + 1}: ";
    }
}
