using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Import;

public sealed record ImportMappingRequest
{
    /// <summary>Another sheet of the workbook (its header is found again and the mapping suggested again).</summary>
    public string? SheetName { get; init; }
    /// <summary>The header row when the one found is not right (1-based, as the spreadsheet numbers rows).</summary>
    public int? HeaderRow { get; init; }
    /// <summary>Field code → column index (0-based); null keeps (or, with a new sheet or header row, suggests) the mapping.</summary>
    public Dictionary<string, int>? Fields { get; init; }
}

/// <param name="MatchedPartner">The name of the registry's partner this row's partner matches (linked to it, or a new one made
/// beside it when <paramref name="CreateNewPartner"/>); null when there is no such choice to make.</param>
public sealed record ImportRowView(int Row, string Status, bool Skipped, bool CreateNewPartner, IReadOnlyDictionary<string, string?> Cells,
    IReadOnlyList<string> Fixed, IReadOnlyList<ImportProblem> Problems, string? Outcome, string? MatchedPartner = null);

public sealed record ImportPreview(ImportSessionView Session, int Rows, int ReadyRows, int ErrorRows, int WarningRows, int SkippedRows, bool CanCommit,
    IReadOnlyList<string> MappingProblems, IReadOnlyList<string> Notes, Page<ImportRowView> Page);

public sealed record ImportFixRequest
{
    /// <summary>Field code → corrected text (read by the same parsers as the sheet); an empty text clears the value.</summary>
    public Dictionary<string, string?> Values { get; init; } = [];
    /// <summary>For a partner that already exists: true creates a new partner instead of linking to it.</summary>
    public bool? CreateNewPartner { get; init; }
    public bool? Skip { get; init; }
}

public sealed record ImportRowResult(ImportRowView Row, int ReadyRows, int ErrorRows, int WarningRows, int SkippedRows, bool CanCommit);

public static partial class ImportSessions
{
    public static async Task<Result<ImportSessionView>> SetMappingAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, ImportMappingRequest? request,
        TimeProvider clock, CancellationToken ct = default)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var session = found.Value!;
        if (Locked(session) is { } locked) return locked;
        if (request is null) return ValidationError.Of("fields", "Kirim pemetaan kolom: fields (kode isian → nomor kolom, mulai 0).");
        var sheetChanged = request.SheetName is { } name && name != session.SheetName;
        if (sheetChanged) session.SheetName = request.SheetName;
        var sheet = await ImportSheets.LoadAsync(files, session, ct);
        if (!sheet.Ok) return sheet.Error!;
        if (sheetChanged && sheet.Value!.SheetName != request.SheetName)
            return ValidationError.Of("sheetName", $"Lembar \"{request.SheetName}\" tidak ada. Pilih: {string.Join(", ", sheet.Value.SheetNames)}.");
        var headerChanged = sheetChanged || (request.HeaderRow is { } h && h != session.HeaderRow);
        SheetHeader? header;
        if (request.HeaderRow is { } wanted)
        {
            if (wanted < 1 || sheet.Value!.Rows.All(r => r.Number != wanted)) return ValidationError.Of("headerRow", $"Baris {wanted} tidak ada di lembar ini.");
            header = SheetReader.FindHeader(sheet.Value!, wanted);
        }
        else header = SheetReader.FindHeader(sheet.Value!, sheetChanged ? null : session.HeaderRow);
        if (header is null) return ValidationError.Of("headerRow", "Baris judul kolom tidak ditemukan di lembar ini. Sebutkan nomor barisnya.");

        var fields = ImportFields.For(session.Target).Select(f => f.Code).ToHashSet();
        Dictionary<string, int> mapping;
        if (request.Fields is { } chosen)
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (field, column) in chosen)
            {
                if (!fields.Contains(field)) errors[$"fields.{field}"] = [$"Isian \"{field}\" tidak dikenal untuk impor {session.Target.Label().ToLowerInvariant()}. Pilih: {string.Join(", ", fields)}."];
                else if (column < 0 || column >= header.Names.Count) errors[$"fields.{field}"] = [$"Kolom {column} tidak ada; lembar ini berisi kolom 0 sampai {header.Names.Count - 1}."];
            }
            foreach (var twice in chosen.GroupBy(c => c.Value).Where(g => g.Count() > 1))
                errors[$"fields.{twice.First().Key}"] = [$"Kolom \"{header.Names[Math.Clamp(twice.Key, 0, header.Names.Count - 1)]}\" dipetakan ke lebih dari satu isian: {string.Join(", ", twice.Select(t => t.Key))}."];
            if (errors.Count > 0) return new ValidationError("Pemetaan kolom belum benar.", errors);
            mapping = chosen;
        }
        else mapping = headerChanged ? ImportFields.Suggest(session.Target, header.Names) : session.Mapping;

        session.HeaderRow = header.HeaderRow;
        session.SubHeaderRow = header.SubHeaderRow;
        session.SetHeaders(header.Names);
        session.SetMapping(mapping);
        if (headerChanged) session.SetDecisions(new Dictionary<int, RowDecision>());
        session.RowsTotal = sheet.Value!.Rows.Count(r => r.Number >= header.FirstDataRow && !r.IsBlank);
        session.Status = ImportStatus.Mapped;
        session.Message = null;
        session.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return View(session, sheet.Value.SheetNames);
    }

    /// <summary>Every row with its values and problems (a page of them), the counts, and whether the import can be saved.
    /// <paramref name="onlyProblems"/> keeps rows with an error or a warning; <paramref name="onlyErrors"/> rows with an error.</summary>
    public static async Task<Result<ImportPreview>> PreviewAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, int? page, int? size,
        bool onlyProblems, TimeProvider clock, bool onlyErrors = false, CancellationToken ct = default)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var session = found.Value!;
        var evaluated = await EvaluateAsync(db, files, session, clock, ct);
        if (!evaluated.Ok) return evaluated.Error!;
        var (sheet, evaluation) = evaluated.Value;
        if (session.Status is ImportStatus.Uploaded or ImportStatus.Mapped or ImportStatus.Previewed or ImportStatus.Failed)
        {
            var changed = Count(session, evaluation);
            if (session.Status is ImportStatus.Uploaded or ImportStatus.Mapped) { session.Status = ImportStatus.Previewed; changed = true; }
            if (changed)
            {
                session.Touch(clock.GetUtcNow());
                db.ActingAs(actor);
                await db.SaveChangesAsync(ct);
            }
        }
        IEnumerable<ImportRow> rows = evaluation.Rows;
        if (onlyErrors) rows = rows.Where(r => r.HasErrors && !r.Skipped);
        else if (onlyProblems) rows = rows.Where(r => r.Problems.Count > 0);
        var list = rows.ToList();
        var (pg, sz) = Paging.Normalize(page, size);
        var items = list.Skip((pg - 1) * sz).Take(sz).Select(r => RowView(session.Target, r)).ToList();
        return new ImportPreview(View(session, sheet.SheetNames), evaluation.Rows.Count, evaluation.ReadyRows, evaluation.ErrorRows, evaluation.WarningRows,
            evaluation.SkippedRows, evaluation.CanCommit, evaluation.MappingProblems, evaluation.Notes, new Page<ImportRowView>(items, pg, sz, list.Count));
    }

    /// <summary>Corrects values of one row (each read again by the same parsers and checked again), or chooses to create a
    /// new partner instead of linking to an existing one, or skips the row.</summary>
    public static async Task<Result<ImportRowResult>> FixAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, int row, ImportFixRequest? request,
        TimeProvider clock, CancellationToken ct = default)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var session = found.Value!;
        if (Locked(session) is { } locked) return locked;
        if (request is null) return ValidationError.Of("values", "Kirim nilai perbaikan: values (kode isian → teks).");
        var fields = ImportFields.For(session.Target).Select(f => f.Code).ToHashSet();
        var unknown = request.Values.Keys.Where(k => !fields.Contains(k)).ToList();
        if (unknown.Count > 0)
            return ValidationError.Of("values", $"Isian tidak dikenal: {string.Join(", ", unknown)}. Pilih: {string.Join(", ", fields)}.");
        if (request.Values.Values.Any(v => v is { Length: > 4000 })) return ValidationError.Of("values", "Nilai perbaikan paling banyak 4000 karakter.");
        var decisions = session.Decisions;
        var current = decisions.GetValueOrDefault(row) ?? new RowDecision();
        var fixes = new Dictionary<string, string>(current.Fixes);
        foreach (var (field, value) in request.Values) fixes[field] = value?.Trim() ?? "";
        decisions[row] = current with
        {
            Fixes = fixes, Skip = request.Skip ?? current.Skip, CreateNewPartner = request.CreateNewPartner ?? current.CreateNewPartner,
        };
        return await DecideAsync(db, files, actor, session, row, decisions, clock, ct);
    }

    public static async Task<Result<ImportRowResult>> SkipAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, int row, bool skip,
        TimeProvider clock, CancellationToken ct = default)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var session = found.Value!;
        if (Locked(session) is { } locked) return locked;
        var decisions = session.Decisions;
        decisions[row] = (decisions.GetValueOrDefault(row) ?? new RowDecision()) with { Skip = skip };
        return await DecideAsync(db, files, actor, session, row, decisions, clock, ct);
    }

    private static async Task<Result<ImportRowResult>> DecideAsync(JalinDb db, FileStore files, CurrentActor actor, ImportSession session, int row,
        Dictionary<int, RowDecision> decisions, TimeProvider clock, CancellationToken ct)
    {
        var previous = session.DecisionsJson;
        session.SetDecisions(decisions);
        var evaluated = await EvaluateAsync(db, files, session, clock, ct);
        if (!evaluated.Ok) return evaluated.Error!;
        var evaluation = evaluated.Value.Evaluation;
        var target = evaluation.Rows.FirstOrDefault(r => r.Row == row);
        if (target is null)
        {
            session.DecisionsJson = previous;
            return new NotFoundError($"Baris {row} bukan baris data register ini.");
        }
        Count(session, evaluation);
        if (session.Status is ImportStatus.Uploaded or ImportStatus.Mapped) session.Status = ImportStatus.Previewed;
        session.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new ImportRowResult(RowView(session.Target, target), evaluation.ReadyRows, evaluation.ErrorRows, evaluation.WarningRows, evaluation.SkippedRows, evaluation.CanCommit);
    }

    private static Error? Locked(ImportSession s) => s.Status switch
    {
        ImportStatus.Committed => new ConflictError("Impor ini sudah disimpan; tidak dapat diubah lagi."),
        ImportStatus.Committing when Running.ContainsKey(s.Id) => new ConflictError("Impor ini sedang disimpan; tunggu sampai selesai."),
        _ => null,
    };

    private static bool Count(ImportSession s, ImportEvaluation e)
    {
        var changed = s.ErrorRows != e.ErrorRows || s.WarningRows != e.WarningRows || s.SkippedRows != e.SkippedRows || s.RowsTotal != e.Rows.Count;
        s.ErrorRows = e.ErrorRows;
        s.WarningRows = e.WarningRows;
        s.SkippedRows = e.SkippedRows;
        s.RowsTotal = e.Rows.Count;
        return changed;
    }

    internal static async Task<Result<(Sheet Sheet, ImportEvaluation Evaluation)>> EvaluateAsync(JalinDb db, FileStore files, ImportSession session, TimeProvider clock, CancellationToken ct)
    {
        var sheet = await ImportSheets.LoadAsync(files, session, ct);
        if (!sheet.Ok) return sheet.Error!;
        var header = SheetReader.FindHeader(sheet.Value!, session.HeaderRow);
        if (header is null) return ValidationError.Of("headerRow", "Baris judul kolom tidak ditemukan. Petakan ulang kolomnya.");
        var reference = await ImportReference.LoadAsync(db, session.RegionCode, clock, ct);
        return (sheet.Value!, ImportEngine.Evaluate(session.Target, sheet.Value!, header, session.Mapping, session.Decisions, reference));
    }

    internal static ImportRowView RowView(ImportTarget target, ImportRow r) => new(r.Row,
        r.Skipped ? "skipped" : r.HasErrors ? "error" : r.Problems.Count > 0 ? "warning" : "ok", r.Skipped, r.CreateNewPartner, r.Cells, r.Fixed.ToList(), r.Problems,
        r.Skipped || r.HasErrors ? null : Outcome(target, r), r.MatchedPartner?.Name);

    private static string? Outcome(ImportTarget target, ImportRow r) => target switch
    {
        ImportTarget.Agreements => $"{r.Kind?.ShortLabel()}, tahap {r.Stage?.Label()}; pihak: " + (r.PartyRegion?.FullName
            ?? (r.ExistingPartner is { } p ? $"{p.Name} (mitra yang ada)" : $"{r.NewPartnerName} (mitra baru)")),
        ImportTarget.Partners => r.ExistingPartner is { } p ? $"Sudah ada: {p.Name}" : $"Mitra baru: {r.Name}",
        ImportTarget.Agencies => r.Agency is { } a ? $"Sudah ada: {a.Name}" : $"Perangkat daerah baru: {r.Name}",
        _ => $"Usulan (Draf) dari {r.Agency?.Name}",
    };
}
