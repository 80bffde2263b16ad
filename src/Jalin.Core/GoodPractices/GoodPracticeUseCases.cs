using System.Net.Mail;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.GoodPractices;

public sealed record PracticeResultInput(string? Indicator, decimal? Figure, string? Unit);

/// <summary>What the Bagian Kerja Sama writes about a practice.</summary>
public sealed record GoodPracticeInput
{
    public string? Title { get; init; }
    public string? AffairCode { get; init; }
    public string? Problem { get; init; }
    public string? Actions { get; init; }
    public string? Partners { get; init; }
    public List<PracticeResultInput>? Results { get; init; }
    public string? ContactOffice { get; init; }
    public string? ContactEmail { get; init; }
    public List<Guid>? AgreementIds { get; init; }
    public string? SourceCredit { get; init; }
}

public sealed record PracticeAgreementLink(Guid Id, string Title);

public sealed record PracticeDocumentView(Guid Id, string Title, string FileName, long FileSize, string? UploadedBy, DateTimeOffset CreatedAt);

public sealed record GoodPracticeRow(Guid Id, string RegionCode, string RegionName, string Title, string AffairCode, string AffairName, PracticeStatus Status,
    string StatusLabel, DateTimeOffset? PublishedAt, int ReplicationCount, bool Own);

public sealed record GoodPracticeView(Guid Id, string RegionCode, string RegionName, string Title, string AffairCode, string AffairName, string Problem, string Actions,
    string? Partners, IReadOnlyList<PracticeResult> Results, string? ContactOffice, string? ContactEmail, IReadOnlyList<PracticeAgreementLink> Agreements,
    IReadOnlyList<PracticeDocumentView> Documents, string? SourceCredit, PracticeStatus Status, string StatusLabel, DateTimeOffset? PublishedAt, string? PublishedBy,
    int ReplicationCount, int Version, bool CanEdit, bool CanReplicate, string? WhyNotReplicate);

public sealed record ReplicateInput(Guid? AgencyId);

public sealed record PracticeReplicated(Guid ProposalId, string Number, string Credit);

public sealed record AttachPracticeDocumentRequest(string? Title, byte[]? Content, string? FileName);

/// <summary>Who reads and changes which practice: the one place the catalogue's boundaries are written. Every government
/// user reads the published practices of every region and the drafts of their own region; only the region's Bagian Kerja
/// Sama officer writes, publishes and withdraws; an officer or OPD of another region replicates a published practice.</summary>
public static class PracticeAccess
{
    public const string NotOfficerText = "Praktik baik dicatat dan dipublikasikan oleh petugas Bagian Kerja Sama daerah pemiliknya.";

    public static bool IsGovernment(CurrentActor a) => a.Role is not (Role.SystemAdmin or Role.PartnerUser or Role.System);

    public static IQueryable<GoodPractice> VisibleTo(this IQueryable<GoodPractice> q, CurrentActor actor)
    {
        if (!IsGovernment(actor)) return q.Where(p => false);
        var region = actor.RegionCode;
        return q.Where(p => p.Status == PracticeStatus.Published || (region != null && p.RegionCode == region));
    }

    public static bool CanManage(CurrentActor actor, GoodPractice p) => actor.Role == Role.CooperationOfficer && actor.RegionCode == p.RegionCode;

    public static string? ReplicateRefusal(CurrentActor actor, GoodPractice p) =>
        p.Status != PracticeStatus.Published ? "Hanya praktik baik yang sudah dipublikasikan yang dapat direplikasi."
        : actor.RegionCode == p.RegionCode ? "Praktik baik daerah Anda sendiri tidak direplikasi; buat usulan baru bila perlu."
        : !ProposalAccess.CanCreate(actor) ? "Replikasi ke usulan dilakukan petugas Bagian Kerja Sama atau perangkat daerah (OPD) daerah lain."
        : null;
}

public static class GoodPracticeUseCases
{
    public const int MaxResults = 20;
    public const string NotFoundText = "Praktik baik tidak ditemukan.";
    private static readonly NotFoundError NotFound = new(NotFoundText);

    public static async Task<Result<IReadOnlyList<GoodPracticeRow>>> ListAsync(JalinDb db, CurrentActor actor, string? affairCode, string? regionCode, string? q,
        CancellationToken ct = default)
    {
        if (!PracticeAccess.IsGovernment(actor)) return new ForbiddenError("Katalog praktik baik di aplikasi dibaca pengguna pemerintah daerah dan pembina.");
        if (affairCode is { Length: > 10 }) return ValidationError.Of("urusan", "Kode urusan tidak valid.");
        if (regionCode is { Length: > 13 }) return ValidationError.Of("region", "Kode wilayah tidak valid.");
        var query = db.GoodPractices.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(affairCode)) query = query.Where(p => p.AffairCode == affairCode.Trim());
        if (!string.IsNullOrWhiteSpace(regionCode)) query = query.Where(p => p.RegionCode == regionCode.Trim());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(p => p.Title.ToLower().Contains(term) || p.Problem.ToLower().Contains(term));
        }
        var rows = await query.OrderByDescending(p => p.UpdatedAt).Take(500).ToListAsync(ct);
        var regions = await Publication.PublicAgreements.RegionNamesAsync(db, rows.Select(r => r.RegionCode), ct);
        var affairs = await AffairNamesAsync(db, rows.Select(r => r.AffairCode), ct);
        return rows.Select(p => new GoodPracticeRow(p.Id, p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode), p.Title, p.AffairCode,
            affairs.GetValueOrDefault(p.AffairCode, p.AffairCode), p.Status, p.Status.Label(), p.PublishedAt, p.ReplicationCount, p.RegionCode == actor.RegionCode)).ToList();
    }

    public static async Task<Result<GoodPracticeView>> GetAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.AsNoTracking().VisibleTo(actor).Include(x => x.Documents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound;
        return await ViewAsync(db, actor, p, ct);
    }

    public static async Task<Result<GoodPracticeView>> CreateAsync(JalinDb db, CurrentActor actor, GoodPracticeInput? input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is not { } region) return new ForbiddenError(PracticeAccess.NotOfficerText);
        if (input is null) return ValidationError.Of("body", "Isi permintaan kosong.");
        var checkedInput = await ValidateAsync(db, actor, input, ct);
        if (!checkedInput.Ok) return checkedInput.Error!;
        var now = clock.GetUtcNow();
        var p = new GoodPractice
        {
            RegionCode = region, Title = "", AffairCode = input.AffairCode!.Trim(), Problem = "", Actions = "", Status = PracticeStatus.Draft,
            CreatedBy = actor.UserName, CreatedAt = now, UpdatedBy = actor.UserName, UpdatedAt = now,
        };
        Apply(p, input, checkedInput.Value!);
        db.ActingAs(actor).GoodPractices.Add(p);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor, p, ct);
    }

    public static async Task<Result<GoodPracticeView>> UpdateAsync(JalinDb db, CurrentActor actor, Guid id, GoodPracticeInput? input, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.VisibleTo(actor).Include(x => x.Documents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound;
        if (!PracticeAccess.CanManage(actor, p)) return new ForbiddenError(PracticeAccess.NotOfficerText);
        if (input is null) return ValidationError.Of("body", "Isi permintaan kosong.");
        var checkedInput = await ValidateAsync(db, actor, input, ct);
        if (!checkedInput.Ok) return checkedInput.Error!;
        Apply(p, input, checkedInput.Value!);
        Touch(p, actor, clock);
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return await ViewAsync(db, actor, p, ct);
    }

    public static async Task<Result<GoodPracticeView>> PublishAsync(JalinDb db, CurrentActor actor, Guid id, bool publish, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.VisibleTo(actor).Include(x => x.Documents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound;
        if (!PracticeAccess.CanManage(actor, p)) return new ForbiddenError(PracticeAccess.NotOfficerText);
        if (publish && p.Status != PracticeStatus.Published)
        {
            if (p.Results.Count == 0) return new ConflictError("Cantumkan paling sedikit satu hasil dengan angkanya sebelum praktik baik dipublikasikan.");
            p.Status = PracticeStatus.Published;
            p.PublishedAt = clock.GetUtcNow();
            p.PublishedBy = actor.FullName;
        }
        else if (!publish && p.Status == PracticeStatus.Published)
        {
            p.Status = PracticeStatus.Draft;
            p.PublishedAt = null;
            p.PublishedBy = null;
        }
        else return await ViewAsync(db, actor, p, ct);
        Touch(p, actor, clock);
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return await ViewAsync(db, actor, p, ct);
    }

    /// <summary>Opens a Draf usulan of the actor's region pre-filled from another region's published practice, credited
    /// in its background and history, and counts the replication on the practice. Nothing is submitted.</summary>
    public static async Task<Result<PracticeReplicated>> ReplicateAsync(JalinDb db, CurrentActor actor, Guid id, ReplicateInput? input, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound;
        if (PracticeAccess.ReplicateRefusal(actor, p) is { } refusal)
            return p.Status != PracticeStatus.Published || actor.RegionCode == p.RegionCode ? new ConflictError(refusal) : new ForbiddenError(refusal);
        var regionName = (await Publication.PublicAgreements.RegionNamesAsync(db, [p.RegionCode], ct)).GetValueOrDefault(p.RegionCode, p.RegionCode);
        var credit = CreditOf(p.Title, regionName);
        var background = $"{credit}.\n\nPermasalahan di daerah asal:\n{p.Problem}\n\nYang dilakukan:\n{p.Actions}";
        var proposalInput = new ProposalInput
        {
            Title = Cut(p.Title, 500), AffairCode = p.AffairCode, AgencyId = input?.AgencyId,
            PartnerName = string.IsNullOrWhiteSpace(p.Partners) ? null : Cut(p.Partners.Trim(), 300),
            Background = Cut(background, 4000),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await CreateProposal.HandleAsync(db, actor, proposalInput, clock, ct);
        if (!created.Ok) return created.Error!;
        var proposal = await db.Proposals.FirstAsync(x => x.Id == created.Value, ct);
        proposal.SourcePracticeId = p.Id;
        proposal.History.Add(ProposalHistories.Row(proposal, "replicate", ProposalStatus.Draft, ProposalStatus.Draft, actor, clock.GetUtcNow(), credit));
        p.ReplicationCount++;
        await db.ActingAs(actor).SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PracticeReplicated(proposal.Id, proposal.Number, credit);
    }

    public static string CreditOf(string title, string regionName) => $"Direplikasi dari praktik baik {title} ({regionName})";

    public static async Task<Result<PracticeDocumentView>> AttachAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, AttachPracticeDocumentRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var p = await db.GoodPractices.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound;
        if (!PracticeAccess.CanManage(actor, p)) return new ForbiddenError(PracticeAccess.NotOfficerText);
        if (request.Content is null || request.Content.Length == 0) return ValidationError.Of("file", "Pilih berkas PDF.");
        if (request.Content.LongLength > files.MaxBytes) return new TooLargeError(FileStore.TooLargeText(files.MaxBytes));
        if (request.Title is { Length: > 300 }) return ValidationError.Of("title", "Judul dokumen paling banyak 300 karakter.");
        var type = FileSniffer.Detect(request.Content);
        if (type != FileSniffer.Pdf) return ValidationError.Of("file", "Jenis berkas tidak diterima. Dokumen praktik baik harus berkas PDF.");
        if (FileSniffer.Refusal(request.Content, type) is { } refused) return ValidationError.Of("file", refused);
        var blob = await db.StoreAsync(files, request.Content, type, clock, ct);
        var doc = new GoodPracticeDocument
        {
            PracticeId = p.Id, Title = string.IsNullOrWhiteSpace(request.Title) ? "Dokumen praktik baik" : request.Title.Trim(), FileSha256 = blob.Sha256,
            FileName = SafeName(request.FileName, blob.Extension), ContentType = blob.ContentType, FileSize = blob.Size, UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
        };
        db.ActingAs(actor).GoodPracticeDocuments.Add(doc);
        Touch(p, actor, clock);
        await db.SaveChangesAsync(ct);
        return new PracticeDocumentView(doc.Id, doc.Title, doc.FileName, doc.FileSize, doc.UploadedBy, doc.CreatedAt);
    }

    public static async Task<Result<DownloadableFile>> DownloadAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, Guid documentId, CancellationToken ct = default)
    {
        if (!await db.GoodPractices.VisibleTo(actor).AnyAsync(x => x.Id == id, ct)) return new NotFoundError("Dokumen tidak ditemukan.");
        var d = await db.GoodPracticeDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == documentId && x.PracticeId == id, ct);
        if (d is null) return new NotFoundError("Dokumen tidak ditemukan.");
        var bytes = await files.ReadAsync(d.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), d.FileName, d.ContentType);
    }

    private sealed record Checked(List<PracticeResult> Results, List<Guid> AgreementIds);

    private static async Task<Result<Checked>> ValidateAsync(JalinDb db, CurrentActor actor, GoodPracticeInput input, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>();
        void Check(string field, string? value, int min, int max, string label, bool required)
        {
            var v = value?.Trim() ?? "";
            if (v.Length == 0) { if (required) fields[field] = [$"{label} wajib diisi."]; return; }
            if (v.Length < min || v.Length > max) fields[field] = [min > 1 ? $"{label} {min} sampai {max:N0} karakter." : $"{label} paling banyak {max:N0} karakter."];
        }
        Check("title", input.Title, 5, 300, "Judul", true);
        Check("problem", input.Problem, 1, 4000, "Permasalahan", true);
        Check("actions", input.Actions, 1, 4000, "Yang dilakukan", true);
        Check("partners", input.Partners, 1, 1000, "Mitra", false);
        Check("contactOffice", input.ContactOffice, 1, 300, "Unit kontak", false);
        Check("sourceCredit", input.SourceCredit, 1, 500, "Sumber", false);
        if (string.IsNullOrWhiteSpace(input.AffairCode)) fields["affairCode"] = ["Pilih urusan pemerintahan (UU 23/2014 Pasal 12)."];
        else if (input.AffairCode.Length > 10 || !await db.GovernmentAffairs.AnyAsync(g => g.Code == input.AffairCode.Trim(), ct))
            fields["affairCode"] = ["Urusan pemerintahan tidak dikenal. Pilih dari daftar urusan (UU 23/2014 Pasal 12)."];
        if (!string.IsNullOrWhiteSpace(input.ContactEmail))
        {
            var email = input.ContactEmail.Trim();
            if (email.Length > 200 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.'))
                fields["contactEmail"] = ["Alamat surel kantor tidak valid (contoh: kerjasama@cimahikota.go.id)."];
        }
        var results = new List<PracticeResult>();
        var rows = input.Results ?? [];
        if (rows.Count > MaxResults) fields["results"] = [$"Paling banyak {MaxResults} baris hasil."];
        else
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (r is null || string.IsNullOrWhiteSpace(r.Indicator) || r.Indicator.Trim().Length > 200)
                    fields[$"results[{i}].indicator"] = ["Nama hasil wajib diisi (paling banyak 200 karakter)."];
                else if (r.Figure is not { } figure || figure < 0 || figure > 999_999_999_999m)
                    fields[$"results[{i}].figure"] = ["Angka hasil wajib diisi, 0 atau lebih."];
                else if (string.IsNullOrWhiteSpace(r.Unit) || r.Unit.Trim().Length > 40)
                    fields[$"results[{i}].unit"] = ["Satuan wajib diisi (paling banyak 40 karakter), misalnya ton/bulan."];
                else results.Add(new PracticeResult(r.Indicator.Trim(), figure, r.Unit.Trim()));
            }
        var ids = (input.AgreementIds ?? []).Distinct().ToList();
        if (ids.Count > 20) fields["agreementIds"] = ["Paling banyak 20 kerja sama terkait."];
        else if (ids.Count > 0)
        {
            var region = actor.RegionCode;
            var found = await db.Agreements.AsNoTracking().VisibleTo(actor)
                .Where(a => ids.Contains(a.Id) && (a.RegionCode == region || a.Parties.Any(x => x.RegionCode == region)))
                .Select(a => a.Id).ToListAsync(ct);
            if (found.Count != ids.Count) fields["agreementIds"] = ["Kerja sama terkait harus kerja sama daerah Anda sendiri atau yang daerah Anda ikut menjadi pihak."];
        }
        if (fields.Count > 0) return new ValidationError("Data praktik baik belum benar.", fields);
        return new Checked(results, ids);
    }

    private static void Apply(GoodPractice p, GoodPracticeInput input, Checked c)
    {
        p.Title = input.Title!.Trim();
        p.AffairCode = input.AffairCode!.Trim();
        p.Problem = input.Problem!.Trim();
        p.Actions = input.Actions!.Trim();
        p.Partners = Blank(input.Partners);
        p.ContactOffice = Blank(input.ContactOffice);
        p.ContactEmail = Blank(input.ContactEmail);
        p.SourceCredit = Blank(input.SourceCredit);
        p.Results = c.Results;
        p.AgreementIds = c.AgreementIds;
    }

    private static void Touch(GoodPractice p, CurrentActor actor, TimeProvider clock)
    {
        p.UpdatedAt = clock.GetUtcNow();
        p.UpdatedBy = actor.UserName;
        p.Version++;
    }

    private static async Task<GoodPracticeView> ViewAsync(JalinDb db, CurrentActor actor, GoodPractice p, CancellationToken ct)
    {
        var regionName = (await Publication.PublicAgreements.RegionNamesAsync(db, [p.RegionCode], ct)).GetValueOrDefault(p.RegionCode, p.RegionCode);
        var affair = (await AffairNamesAsync(db, [p.AffairCode], ct)).GetValueOrDefault(p.AffairCode, p.AffairCode);
        var ids = p.AgreementIds;
        var agreements = ids.Count == 0 ? [] : await db.Agreements.AsNoTracking().VisibleTo(actor).Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.Title).Select(a => new PracticeAgreementLink(a.Id, a.Title)).ToListAsync(ct);
        var refusal = PracticeAccess.ReplicateRefusal(actor, p);
        return new GoodPracticeView(p.Id, p.RegionCode, regionName, p.Title, p.AffairCode, affair, p.Problem, p.Actions, p.Partners, p.Results, p.ContactOffice,
            p.ContactEmail, agreements, p.Documents.OrderBy(d => d.CreatedAt).Select(d => new PracticeDocumentView(d.Id, d.Title, d.FileName, d.FileSize, d.UploadedBy, d.CreatedAt)).ToList(),
            p.SourceCredit, p.Status, p.Status.Label(), p.PublishedAt, p.PublishedBy, p.ReplicationCount, p.Version, PracticeAccess.CanManage(actor, p), refusal is null, refusal);
    }

    internal static async Task<Dictionary<string, string>> AffairNamesAsync(JalinDb db, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.GovernmentAffairs.AsNoTracking().Where(g => list.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;

    private static string SafeName(string? name, string extension)
    {
        var baseName = Path.GetFileNameWithoutExtension(name ?? "dokumen");
        var clean = new string(baseName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' ? c : '_').ToArray()).Trim();
        if (clean.Length == 0) clean = "dokumen";
        if (clean.Length > 120) clean = clean[..120];
        return clean + extension;
    }
}
