using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Monitoring;

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long FileSize, string UploadedBy, DateTimeOffset CreatedAt);

public sealed record ObligationView(Guid Id, string Title, Guid PartyId, string PartyName, Guid? AgencyId, string? AgencyName, Recurrence Recurrence, string RecurrenceLabel,
    DateOnly? DueOn, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? NextDueOn, ObligationStatus Status, string StatusLabel, string? Note, bool Overdue, int Version,
    IReadOnlyList<EvidenceView> Evidence);

public sealed record ObligationList(bool CanManage, bool InImplementation, IReadOnlyList<ObligationView> Items);

public sealed record ObligationInput
{
    [StringLength(2000, ErrorMessage = "Uraian kewajiban paling banyak 2000 karakter.")] public string? Title { get; init; }
    public Guid? PartyId { get; init; }
    public Guid? AgencyId { get; init; }
    public Recurrence? Recurrence { get; init; }
    public DateOnly? DueOn { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public ObligationStatus? Status { get; init; }
    [StringLength(4000, ErrorMessage = "Catatan paling banyak 4000 karakter.")] public string? Note { get; init; }
    public Guid? SourceClauseKey { get; init; }
    /// <summary>For an update: the version the editor read (optimistic concurrency).</summary>
    public int? Version { get; init; }
}

/// <summary>One item the PKS's pasal hak dan kewajiban offers as an obligation; the officer confirms or edits it before anything is stored.</summary>
public sealed record ObligationPrefill(string Title, Guid? PartyId, string? PartyName, Guid? AgencyId, string? AgencyName, bool Suggested, Guid ClauseKey, string Source);

public sealed record ObligationPrefillResult(string? DraftTitle, string? Message, IReadOnlyList<ObligationPrefill> Items);

public static partial class ObligationPrefills
{
    [GeneratedRegex(@"(?:^|[:;]\s*)([a-z])\.\s+")]
    private static partial Regex ItemMarker();

    [GeneratedRegex(@"^\s*\(?\d+\)?[.)]?\s+")]
    private static partial Regex AyatNumber();

    /// <summary>The numbered items of a pasal hak dan kewajiban: each ayat, and inside an ayat each lettered item
    /// ("Kewajiban PIHAK KEDUA: a. ...; b. ...") with its lead-in kept. Pure: reads the text only.</summary>
    public static IReadOnlyList<(string Text, int? PartyOrder, bool IsRight)> Items(IEnumerable<string> paragraphs)
    {
        var list = new List<(string, int?, bool)>();
        foreach (var raw in paragraphs)
        {
            var p = AyatNumber().Replace(raw.Trim(), "");
            if (p.Length == 0) continue;
            var colon = p.IndexOf(':');
            var markers = ItemMarker().Matches(p);
            if (colon > 0 && markers.Count > 1 && markers[0].Index >= colon)
            {
                var lead = p[..colon].Trim();
                for (var i = 0; i < markers.Count; i++)
                {
                    var from = markers[i].Index + markers[i].Length;
                    var to = i + 1 < markers.Count ? markers[i + 1].Index : p.Length;
                    var item = p[from..to].Trim().TrimEnd(';', '.', ',').Trim();
                    if (item.Length > 0) list.Add(($"{lead}: {item}", PartyOf(lead), IsRight(lead)));
                }
            }
            else list.Add((p, PartyOf(p), IsRight(p)));
        }
        return list;
    }

    private static int? PartyOf(string text)
    {
        var t = text.ToUpperInvariant();
        var first = t.IndexOf("PIHAK KESATU", StringComparison.Ordinal);
        var second = t.IndexOf("PIHAK KEDUA", StringComparison.Ordinal);
        var third = t.IndexOf("PIHAK KETIGA", StringComparison.Ordinal);
        var found = new[] { (first, 1), (second, 2), (third, 3) }.Where(x => x.Item1 >= 0).OrderBy(x => x.Item1).ToList();
        return found.Count == 0 ? null : found[0].Item2;
    }

    /// <summary>A right ("Hak PIHAK KESATU: ...", "... berhak ...") without "kewajiban/berkewajiban/wajib": offered but not ticked.</summary>
    private static bool IsRight(string text)
    {
        var t = text.ToLowerInvariant();
        return (t.StartsWith("hak ") || t.Contains("berhak")) && !t.Contains("wajib");
    }

    /// <summary>The prefill from the signed (or latest) PKS draft's pasal hak dan kewajiban. Nothing is stored.</summary>
    public static async Task<Result<ObligationPrefillResult>> HandleAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct = default)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (!MonitoringAccess.CanManage(actor, a)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah pemilik kerja sama yang mencatat kewajiban.");
        DocumentKind[] forms = [DocumentKind.PerjanjianKerjaSama, DocumentKind.NaskahLuarNegeri, DocumentKind.KesepakatanBersama, DocumentKind.NotaKesepakatan];
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.AgreementId == a.Id && forms.Contains(d.Form)).ToListAsync(ct);
        var draft = drafts.OrderBy(d => Array.IndexOf(forms, d.Form)).ThenByDescending(d => d.Status == DraftStatus.Final).ThenByDescending(d => d.UpdatedAt).FirstOrDefault();
        if (draft is null) return new ObligationPrefillResult(null, "Belum ada rancangan PKS di Jalin untuk kerja sama ini; isi kewajiban satu per satu.", []);
        var version = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draft.Id && v.Number == draft.LatestVersion).FirstOrDefaultAsync(ct);
        var clauses = version?.Clauses.Where(c => c.Type == ClauseType.RightsAndObligations).ToList() ?? [];
        if (clauses.Count == 0) return new ObligationPrefillResult(draft.Title, "Rancangan naskah tidak memuat pasal hak dan kewajiban.", []);
        var parties = a.Parties.OrderBy(p => p.Order).ToList();
        var items = new List<ObligationPrefill>();
        foreach (var c in clauses)
            foreach (var (text, order, right) in Items(c.Paragraphs))
            {
                var party = order is { } o ? parties.FirstOrDefault(p => p.Order == o) : null;
                var title = text.Length > 2000 ? text[..2000] : text;
                items.Add(new ObligationPrefill(title, party?.Id, party?.Name, party?.LeadAgencyId, party?.LeadAgencyName, !right, c.Key, c.Heading));
            }
        return new ObligationPrefillResult(draft.Title, null, items);
    }
}

public static class ObligationUseCases
{
    internal static EvidenceView View(MonitoringEvidence e) => new(e.Id, e.FileName, e.ContentType, e.FileSize, e.UploadedBy, e.CreatedAt);

    /// <summary>The next date the obligation falls due on or after <paramref name="today"/>; for a recurring one, the
    /// next occurrence from its start in steps of its recurrence, until its end.</summary>
    public static DateOnly? NextDue(Obligation o, DateOnly today)
    {
        if (o.Recurrence == Recurrence.Once) return o.DueOn;
        if (o.StartsOn is not { } start) return null;
        var months = o.Recurrence switch { Recurrence.Monthly => 1, Recurrence.Quarterly => 3, Recurrence.Semester => 6, _ => 12 };
        for (var i = 0; i < 1200; i++)
        {
            var d = start.AddMonths(i * months);
            if (o.EndsOn is { } end && d > end) return null;
            if (d >= today) return d;
        }
        return null;
    }

    public static ObligationView View(Obligation o, DateOnly today)
    {
        var next = NextDue(o, today);
        var overdue = o.Status == ObligationStatus.Scheduled && o.Recurrence == Recurrence.Once && o.DueOn < today;
        return new ObligationView(o.Id, o.Title, o.PartyId, o.PartyName, o.AgencyId, o.AgencyName, o.Recurrence, o.Recurrence.Label(), o.DueOn, o.StartsOn, o.EndsOn, next,
            o.Status, o.Status.Label(), o.Note, overdue, o.Version, o.Evidence.OrderBy(e => e.CreatedAt).Select(View).ToList());
    }

    public static async Task<Result<ObligationList>> ListAsync(JalinDb db, CurrentActor actor, Guid agreementId, TimeProvider clock, CancellationToken ct = default)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var today = Wib.Today(clock);
        var rows = await db.Obligations.AsNoTracking().Include(o => o.Evidence).Where(o => o.AgreementId == a.Id).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        return new ObligationList(MonitoringAccess.CanManage(actor, a) && MonitoringAccess.IsInImplementation(a), MonitoringAccess.IsInImplementation(a),
            rows.Select(o => View(o, today)).ToList());
    }

    private static async Task<Result<Agreement>> ManageableAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (!MonitoringAccess.CanManage(actor, a)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah pemilik kerja sama yang mengelola kewajiban.");
        if (!MonitoringAccess.IsInImplementation(a)) return new ConflictError(MonitoringAccess.NotImplementing);
        return a;
    }

    /// <summary>Checks the input and applies it to <paramref name="o"/> (new or existing). Returns the field errors.</summary>
    private static async Task<Dictionary<string, string[]>> ApplyAsync(JalinDb db, Agreement a, ObligationInput input, Obligation o, CancellationToken ct)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) fields.TryAdd("title", ["Tulis uraian kewajiban atau tonggak."]);
        var party = a.Parties.FirstOrDefault(p => p.Id == input.PartyId);
        if (party is null) fields["partyId"] = ["Pilih pihak yang bertanggung jawab: salah satu pihak kerja sama ini."];
        Agencies.Agency? agency = null;
        if (input.AgencyId is { } agencyId)
        {
            agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == agencyId && x.RegionCode == a.RegionCode, ct);
            if (agency is null) fields["agencyId"] = ["OPD penanggung jawab harus OPD daerah pemilik kerja sama."];
        }
        var recurrence = input.Recurrence ?? Recurrence.Once;
        if (!Enum.IsDefined(recurrence)) fields["recurrence"] = ["Pengulangan: Once, Monthly, Quarterly, Semester atau Yearly."];
        else if (recurrence == Recurrence.Once)
        {
            if (input.DueOn is null) fields["dueOn"] = ["Isi tanggal jatuh tempo, atau pilih pengulangan."];
        }
        else
        {
            if (input.StartsOn is null) fields["startsOn"] = ["Kewajiban berulang memerlukan tanggal mulai."];
            var end = input.EndsOn ?? a.EndsOn;
            if (end is null) fields["endsOn"] = ["Kewajiban berulang memerlukan tanggal akhir (atau tanggal berakhir kerja sama)."];
            else if (input.StartsOn is { } s && end < s) fields["endsOn"] = ["Tanggal akhir tidak boleh sebelum tanggal mulai."];
        }
        var status = input.Status ?? o.Status;
        if (!Enum.IsDefined(status)) fields["status"] = ["Status: Scheduled, Met, PartlyMet atau NotMet."];
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (status is ObligationStatus.PartlyMet or ObligationStatus.NotMet && note is null)
            fields.TryAdd("note", ["Tulis catatan: mengapa kewajiban ini terpenuhi sebagian atau tidak terpenuhi."]);
        if (fields.Count > 0) return fields;
        o.Title = title!;
        o.PartyId = party!.Id;
        o.PartyName = party.Name;
        o.AgencyId = agency?.Id ?? (input.AgencyId is null ? null : o.AgencyId);
        o.AgencyName = agency?.Name;
        o.Recurrence = recurrence;
        o.DueOn = recurrence == Recurrence.Once ? input.DueOn : null;
        o.StartsOn = recurrence == Recurrence.Once ? null : input.StartsOn;
        o.EndsOn = recurrence == Recurrence.Once ? null : input.EndsOn ?? a.EndsOn;
        o.Status = status;
        o.Note = note;
        return fields;
    }

    public static async Task<Result<ObligationView>> CreateAsync(JalinDb db, CurrentActor actor, Guid agreementId, ObligationInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await ManageableAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var now = clock.GetUtcNow();
        var o = new Obligation { AgreementId = a.Id, RegionCode = a.RegionCode, Title = "", PartyName = "", CreatedBy = actor.UserName, CreatedAt = now, UpdatedAt = now,
            SourceClauseKey = input.SourceClauseKey };
        var fields = await ApplyAsync(db, a, input, o, ct);
        if (fields.Count > 0) return new ValidationError("Data kewajiban belum benar.", fields);
        db.ActingAs(actor).Obligations.Add(o);
        await db.SaveChangesAsync(ct);
        return View(o, Wib.Today(clock));
    }

    public static async Task<Result<ObligationView>> UpdateAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid obligationId, ObligationInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        var loaded = await ManageableAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var o = await db.Obligations.Include(x => x.Evidence).FirstOrDefaultAsync(x => x.Id == obligationId && x.AgreementId == a.Id, ct);
        if (o is null) return new NotFoundError("Kewajiban tidak ditemukan.");
        if (input.Version is { } v && v != o.Version) return new ConflictError("Kewajiban ini telah diubah orang lain. Muat ulang lalu ulangi.");
        var fields = await ApplyAsync(db, a, input, o, ct);
        if (fields.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ValidationError("Data kewajiban belum benar.", fields);
        }
        o.UpdatedAt = clock.GetUtcNow();
        o.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Kewajiban ini telah diubah orang lain. Muat ulang lalu ulangi."); }
        return View(o, Wib.Today(clock));
    }

    public static async Task<Result<EvidenceView>> AddEvidenceAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, Guid obligationId, byte[]? content, string? fileName,
        TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await ManageableAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var o = await db.Obligations.FirstOrDefaultAsync(x => x.Id == obligationId && x.AgreementId == agreementId, ct);
        if (o is null) return new NotFoundError("Kewajiban tidak ditemukan.");
        var stored = await Evidence.StoreAsync(db, files, actor, content, fileName, clock, ct);
        if (!stored.Ok) return stored.Error!;
        var e = stored.Value!;
        var row = new MonitoringEvidence { AgreementId = agreementId, ObligationId = o.Id, FileSha256 = e.Sha256, FileName = e.Name, ContentType = e.ContentType, FileSize = e.Size,
            UploadedBy = actor.FullName, CreatedAt = clock.GetUtcNow() };
        db.ActingAs(actor).MonitoringEvidence.Add(row);
        await db.SaveChangesAsync(ct);
        return View(row);
    }
}

/// <summary>Evidence uploads: checked by content (PDF, DOCX, PNG, JPEG) before anything is stored, like every upload.</summary>
public static class Evidence
{
    public sealed record Stored(string Sha256, string Name, string ContentType, long Size);

    public static async Task<Result<Stored>> StoreAsync(JalinDb db, FileStore files, CurrentActor actor, byte[]? content, string? fileName, TimeProvider clock, CancellationToken ct)
    {
        if (content is null || content.Length == 0) return ValidationError.Of("file", "Pilih berkas bukti (PDF, DOCX, PNG atau JPEG).");
        if (content.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
        var type = FileSniffer.Detect(content);
        if (type is null) return ValidationError.Of("file", "Jenis berkas tidak diterima. Isi berkas harus PDF, DOCX, PNG atau JPEG.");
        if (FileSniffer.Refusal(content, type) is { } refused) return ValidationError.Of("file", refused);
        var blob = await db.StoreAsync(files, content, type, clock, ct);
        var baseName = Path.GetFileNameWithoutExtension(fileName ?? "bukti");
        var clean = new string(baseName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' ? c : '_').ToArray()).Trim();
        if (clean.Length == 0) clean = "bukti";
        if (clean.Length > 120) clean = clean[..120];
        return new Stored(blob.Sha256, clean + blob.Extension, blob.ContentType, blob.Size);
    }

    /// <summary>An evidence file of an agreement the actor may read the monitoring of.</summary>
    public static async Task<Result<DownloadableFile>> DownloadAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, Guid evidenceId, CancellationToken ct = default)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Berkas bukti tidak ditemukan.");
        var e = await db.MonitoringEvidence.AsNoTracking().FirstOrDefaultAsync(x => x.Id == evidenceId && x.AgreementId == agreementId, ct);
        if (e is null) return new NotFoundError("Berkas bukti tidak ditemukan.");
        var bytes = await files.ReadAsync(e.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), e.FileName, e.ContentType);
    }
}
