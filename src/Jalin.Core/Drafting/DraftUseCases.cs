using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

public sealed record TemplateView(string Code, string Name, DocumentKind Form, string FormLabel, TemplateLayout Layout, bool RegionCopy, int Clauses);

public sealed record DraftSummary(Guid Id, DocumentKind Form, string FormLabel, string Title, DraftStatus Status, int LatestVersion, string TemplateCode,
    DateTimeOffset UpdatedAt, string? Number, int OpenThreads);

public sealed record DraftVersionView(int Number, string AuthorName, string? Note, int? RestoredFrom, DateTimeOffset CreatedAt);

public sealed record DraftClauseView(Guid Key, ClauseType? Type, string? TypeLabel, string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A comment; <paramref name="ReplyToId"/> names the thread's first comment. Only a
/// thread's first comment carries the resolved state; <paramref name="CanResolve"/> says whether
/// the caller may resolve or reopen that thread.</summary>
public sealed record DraftCommentView(long Id, Guid ClauseKey, int VersionNumber, string AuthorName, string AuthorRole, string Text, DateTimeOffset CreatedAt,
    long? ReplyToId, DateTimeOffset? ResolvedAt, string? ResolvedBy, bool CanResolve)
{
    public bool Resolved => ResolvedAt is not null;
}

public sealed record DraftOverrideView(int Version, string Reason, string By, DateTimeOffset At);

public sealed record DraftDetails(
    Guid Id, Guid AgreementId, string AgreementTitle, DocumentKind Form, string FormLabel, TemplateLayout Layout, string TemplateCode, string Title,
    DraftStatus Status, int LatestVersion, int ShownVersion, string Place, int Version, string? Number, Guid? FinalDocumentId,
    IReadOnlyList<DraftClauseView> Clauses, IReadOnlyList<DraftVersionView> Versions, IReadOnlyList<DraftCommentView> Comments,
    IReadOnlyList<ComplianceItem> Compliance, bool Complete, bool Ready, DraftOverrideView? Override,
    bool CanEdit, bool CanComment, bool CanOverride);

public sealed record ClauseInput
{
    public Guid? Key { get; init; }
    public ClauseType? Type { get; init; }
    [StringLength(300, ErrorMessage = "Judul pasal paling banyak 300 karakter.")]
    public string? Heading { get; init; }
    public List<string>? Paragraphs { get; init; }
}

public sealed record CreateDraftRequest
{
    [Required(ErrorMessage = "Templat wajib dipilih.")]
    public string? TemplateCode { get; init; }
    [StringLength(500, ErrorMessage = "Judul paling banyak 500 karakter.")]
    public string? Title { get; init; }
}

public sealed record SaveDraftRequest
{
    /// <summary>The version the editor started from; a save on an older one is refused (409).</summary>
    [Required(ErrorMessage = "Versi dasar wajib diisi.")]
    public int? BasedOnVersion { get; init; }
    [StringLength(1000, ErrorMessage = "Catatan paling banyak 1000 karakter.")]
    public string? Note { get; init; }
    [StringLength(200, ErrorMessage = "Tempat paling banyak 200 karakter.")]
    public string? Place { get; init; }
    [Required(ErrorMessage = "Pasal wajib diisi.")]
    public List<ClauseInput>? Clauses { get; init; }
}

public sealed record RestoreDraftRequest
{
    [Required(ErrorMessage = "Nomor versi yang dipulihkan wajib diisi.")]
    public int? Version { get; init; }
    [StringLength(1000, ErrorMessage = "Catatan paling banyak 1000 karakter.")]
    public string? Note { get; init; }
}

public sealed record CommentRequest
{
    [Required(ErrorMessage = "Pasal yang dikomentari wajib dipilih.")]
    public Guid? ClauseKey { get; init; }
    [Required(ErrorMessage = "Komentar wajib diisi.")]
    [StringLength(4000, ErrorMessage = "Komentar paling banyak 4000 karakter.")]
    public string? Text { get; init; }
    /// <summary>The comment this one answers (any comment of the thread); the reply joins that thread.</summary>
    public long? ReplyTo { get; init; }
}

public sealed record ResolveCommentRequest
{
    [Required(ErrorMessage = "Status wajib diisi: true (selesai) atau false (dibuka kembali).")]
    public bool? Resolved { get; init; }
}

public sealed record OverrideRequest
{
    [Required(ErrorMessage = "Alasan wajib diisi.")]
    [StringLength(2000, MinimumLength = 20, ErrorMessage = "Alasan 20 sampai 2000 karakter: jelaskan mengapa naskah tetap diteruskan.")]
    public string? Reason { get; init; }
    [Required(ErrorMessage = "Versi yang dikecualikan wajib diisi.")]
    public int? Version { get; init; }
}

public enum ClauseChange { Same, Changed, Added, Removed }

public sealed record ClauseDiff(Guid Key, string Heading, ClauseChange Change, IReadOnlyList<ChangeSegment> Segments);

public sealed record DraftComparison(int From, int To, IReadOnlyList<ClauseDiff> Clauses, int Insertions, int Deletions);

/// <summary>Who may do what with drafts (ISSUE #3 §4): every reader of the agreement reads its
/// drafts; the owning region's officers and the lead OPD edit; TKKSD, officers, the lead OPD,
/// leaders, the other parties' officers and the partner's liaison comment; a leader of the owning
/// region overrides the muatan block.</summary>
public static class DraftAccess
{
    /// <summary>An OPD user whose agency leads one of the parties.</summary>
    private static bool LeadsAParty(CurrentActor actor, Agreement a) =>
        actor.Role == Role.AgencyUser && actor.AgencyId is { } agency && a.Parties.Any(p => p.LeadAgencyId == agency);

    public static bool CanEdit(CurrentActor actor, Agreement a) =>
        AgreementAccess.CanManage(actor, a) || (LeadsAParty(actor, a) && actor.RegionCode == a.RegionCode);

    public static bool CanComment(CurrentActor actor, Agreement a) =>
        actor.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.PartnerUser || LeadsAParty(actor, a);

    public static bool CanOverride(CurrentActor actor, Agreement a) => actor.Role == Role.Leader && actor.RegionCode == a.RegionCode;

    /// <summary>A thread is resolved or reopened by those who edit the draft or by the one who opened it.</summary>
    public static bool CanResolve(CurrentActor actor, Agreement a, DraftComment thread) =>
        thread.ReplyToId is null && (CanEdit(actor, a) || (thread.AuthorUserId == actor.UserId && CanComment(actor, a)));

    /// <summary>A naskah is negotiated with the other parties, so they read its drafts; letters,
    /// KAK and studies are the owning region's internal papers (like their filed documents).</summary>
    public static bool CanSee(CurrentActor actor, Agreement a, DocumentKind form) => form.IsNaskah() || AgreementAccess.SeesInternal(actor, a);
}

/// <summary>The rules for a list of clauses sent by an editor (drafts and region templates).</summary>
public static class ClauseInputs
{
    public const int MaxClauses = 200;
    public const int MaxParagraph = 8000;

    /// <summary>Validates <paramref name="input"/> into clauses, adding messages to <paramref name="fields"/>
    /// under <c>clauses[i].heading</c> etc.; <paramref name="what"/> is "Rancangan" or "Templat".</summary>
    public static List<DraftClause> Validate(IReadOnlyList<ClauseInput?>? input, TemplateLayout layout, string what, Dictionary<string, List<string>> fields)
    {
        void Add(string key, string message)
        {
            if (!fields.TryGetValue(key, out var list)) fields[key] = list = [];
            if (!list.Contains(message)) list.Add(message);
        }
        var clauses = new List<DraftClause>();
        if (input is null) return clauses;
        if (input.Count == 0) Add("clauses", $"{what} harus berisi sekurang-kurangnya satu pasal.");
        if (input.Count > MaxClauses) Add("clauses", $"{what} paling banyak {MaxClauses} pasal.");
        var keys = new HashSet<Guid>();
        for (var i = 0; i < input.Count && i < MaxClauses; i++)
        {
            var c = input[i];
            if (c is null) { Add($"clauses[{i}]", "Pasal kosong."); continue; }
            foreach (var (f, m) in AgreementRules.Annotations(c)) Add($"clauses[{i}].{f}", m);
            if (c.Type is { } t && !Enum.IsDefined(t)) Add($"clauses[{i}].type", "Jenis muatan tidak dikenal.");
            var paragraphs = (c.Paragraphs ?? []).Select(p => (p ?? "").Trim()).Where(p => p.Length > 0).ToList();
            if (layout != TemplateLayout.Letter && string.IsNullOrWhiteSpace(c.Heading)) Add($"clauses[{i}].heading", "Judul pasal wajib diisi.");
            if (paragraphs.Count == 0) Add($"clauses[{i}].paragraphs", "Pasal harus berisi sekurang-kurangnya satu ayat.");
            if (paragraphs.Any(p => p.Length > MaxParagraph)) Add($"clauses[{i}].paragraphs", $"Satu ayat paling banyak {MaxParagraph} karakter.");
            if (paragraphs.SelectMany(DraftFields.Unknown).Distinct().ToList() is { Count: > 0 } unknown)
                Add($"clauses[{i}].paragraphs", "Isian tidak dikenal: " + string.Join(", ", unknown.Select(u => "{{" + u + "}}")) + ".");
            if (DraftFields.Unknown(c.Heading ?? "") is { Count: > 0 } inHeading)
                Add($"clauses[{i}].heading", "Isian tidak dikenal: " + string.Join(", ", inHeading.Select(u => "{{" + u + "}}")) + ".");
            var key = c.Key ?? Guid.NewGuid();
            if (!keys.Add(key)) Add($"clauses[{i}].key", "Kunci pasal ganda.");
            clauses.Add(new DraftClause { Key = key, Type = c.Type, Heading = (c.Heading ?? "").Trim(), Paragraphs = paragraphs });
        }
        return clauses;
    }
}

public static class DraftUseCases
{
    internal const string NotEditor = "Hanya petugas kerja sama daerah pemilik atau OPD pelaksana yang menyunting rancangan.";

    private static async Task<Agreement?> LoadAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct) =>
        actor.Role == Role.SystemAdmin ? null : await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking: false, ct);

    public static async Task<Result<IReadOnlyList<TemplateView>>> TemplatesAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct = default)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var copies = await db.RegionTemplates.AsNoTracking().Where(t => t.RegionCode == a.RegionCode).ToDictionaryAsync(t => t.Code, ct);
        return DefaultTemplates.All.Where(t => t.AppliesTo(a.Kind))
            .Select(t => new TemplateView(t.Code, copies.TryGetValue(t.Code, out var c) ? c.Name : t.Name, t.Form, t.Form.Label(), t.Layout, copies.ContainsKey(t.Code),
                copies.TryGetValue(t.Code, out var c2) ? c2.Clauses.Count : t.Clauses.Count))
            .ToList();
    }

    public static async Task<Result<IReadOnlyList<DraftSummary>>> ListAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct = default)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.AgreementId == a.Id).ToListAsync(ct);
        var ids = drafts.Select(d => d.Id).ToList();
        var open = await db.DraftComments.AsNoTracking().Where(c => ids.Contains(c.DraftId) && c.ReplyToId == null && c.ResolvedAt == null)
            .GroupBy(c => c.DraftId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return drafts.Where(d => DraftAccess.CanSee(actor, a, d.Form)).OrderBy(d => d.CreatedAt)
            .Select(d => new DraftSummary(d.Id, d.Form, d.Form.Label(), d.Title, d.Status, d.LatestVersion, d.TemplateCode, d.UpdatedAt, d.Number,
                open.GetValueOrDefault(d.Id))).ToList();
    }

    public static async Task<Result<DraftDetails>> CreateAsync(JalinDb db, CurrentActor actor, Guid agreementId, CreateDraftRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (!DraftAccess.CanEdit(actor, a)) return new ForbiddenError("Hanya petugas kerja sama daerah pemilik atau OPD pelaksana yang menyusun rancangan.");
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (fields.Count > 0) return new ValidationError("Data rancangan belum benar.", fields);
        var template = DefaultTemplates.Find(request.TemplateCode!.Trim());
        if (template is null) return ValidationError.Of("templateCode", "Templat tidak dikenal.");
        if (!template.AppliesTo(a.Kind)) return ValidationError.Of("templateCode", $"Templat {template.Name} tidak dipakai untuk {a.Kind.Label()}.");
        if (a.IsEnded) return new ConflictError("Kerja sama telah berakhir; rancangan baru tidak dapat dibuat.");
        if (await db.Drafts.AnyAsync(d => d.AgreementId == a.Id && d.Form == template.Form && d.Status == DraftStatus.Open, ct))
            return new ConflictError($"Sudah ada rancangan {template.Form.Label()} yang masih disusun. Lanjutkan rancangan itu.");

        var (owner, values) = await DraftFields.ForAsync(db, a, Wib.Today(clock), ct);
        var copy = await db.RegionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.RegionCode == a.RegionCode && t.Code == template.Code, ct);
        var source = copy?.Clauses ?? template.Clauses.Select(c => c.ToDraftClause()).ToList();
        var clauses = source.Select(c => new DraftClause
        {
            Key = Guid.NewGuid(), Type = c.Type, Heading = DraftFields.Fill(c.Heading, values), Paragraphs = c.Paragraphs.Select(p => DraftFields.Fill(p, values)).ToList(),
        }).ToList();

        var now = clock.GetUtcNow();
        var draft = new Draft
        {
            AgreementId = a.Id, RegionCode = a.RegionCode, Form = template.Form, Layout = template.Layout, TemplateCode = template.Code,
            Title = string.IsNullOrWhiteSpace(request.Title) ? $"{template.Form.Label()} — {a.Title}" : request.Title.Trim(),
            CreatedBy = actor.UserName, CreatedAt = now, UpdatedAt = now, LatestVersion = 1,
        };
        db.ActingAs(actor).Drafts.Add(draft);
        db.DraftVersions.Add(new DraftVersion
        {
            DraftId = draft.Id, Number = 1, AuthorUserId = actor.UserId, AuthorName = actor.FullName, CreatedAt = now,
            Note = copy is null ? $"Disusun dari templat {template.Name}" : $"Disusun dari templat {copy.Name} (salinan daerah)",
            Place = DraftFields.PlaceOf(owner), Clauses = clauses,
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, actor, a.Id, draft.Id, null, ct);
    }

    public static async Task<Result<DraftDetails>> GetAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, int? version, CancellationToken ct = default)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var d = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == draftId && x.AgreementId == a.Id, ct);
        if (d is null || !DraftAccess.CanSee(actor, a, d.Form)) return new NotFoundError("Rancangan tidak ditemukan.");
        var shown = version ?? d.LatestVersion;
        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == d.Id).OrderBy(v => v.Number).ToListAsync(ct);
        var v = versions.FirstOrDefault(x => x.Number == shown);
        if (v is null) return new NotFoundError($"Versi {shown} tidak ada pada rancangan ini.");
        var latest = versions.First(x => x.Number == d.LatestVersion);
        var comments = await db.DraftComments.AsNoTracking().Where(c => c.DraftId == d.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var (affair, levels) = await DraftCompliance.FactsAsync(db, a, ct);
        var items = DraftCompliance.Check(a, d.Form, d.Layout, v.Clauses, affair, levels);
        var latestItems = shown == d.LatestVersion ? items : DraftCompliance.Check(a, d.Form, d.Layout, latest.Clauses, affair, levels);
        return new DraftDetails(d.Id, a.Id, a.Title, d.Form, d.Form.Label(), d.Layout, d.TemplateCode, d.Title, d.Status, d.LatestVersion, shown, v.Place, d.Version,
            d.Number, d.FinalDocumentId,
            v.Clauses.Select(c => new DraftClauseView(c.Key, c.Type, c.Type?.Label(), c.Heading, c.Paragraphs)).ToList(),
            versions.Select(x => new DraftVersionView(x.Number, x.AuthorName, x.Note, x.RestoredFrom, x.CreatedAt)).Reverse().ToList(),
            comments.Select(c => CommentView(c, CommentsOpen(a, d) && DraftAccess.CanResolve(actor, a, c))).ToList(),
            items, Muatan.IsComplete(items), DraftCompliance.IsReady(d, latestItems),
            d.OverrideVersion is { } ov ? new DraftOverrideView(ov, d.OverrideReason!, d.OverrideBy!, d.OverrideAt!.Value) : null,
            DraftAccess.CanEdit(actor, a) && d.Status == DraftStatus.Open && !a.IsEnded, DraftAccess.CanComment(actor, a) && CommentsOpen(a, d),
            DraftAccess.CanOverride(actor, a) && d.Status == DraftStatus.Open && !a.IsEnded);
    }

    internal static async Task<(Agreement? a, Draft? d, Error? error)> LoadForChangeAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, CancellationToken ct)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return (null, null, new NotFoundError("Kerja sama tidak ditemukan."));
        var d = await db.Drafts.FirstOrDefaultAsync(x => x.Id == draftId && x.AgreementId == a.Id, ct);
        if (d is null || !DraftAccess.CanSee(actor, a, d.Form)) return (a, null, new NotFoundError("Rancangan tidak ditemukan."));
        return (a, d, null);
    }

    public static async Task<Result<DraftDetails>> SaveAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, SaveDraftRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var (a, d, error) = await LoadForChangeAsync(db, actor, agreementId, draftId, ct);
        if (error is not null) return error;
        if (!DraftAccess.CanEdit(actor, a!)) return new ForbiddenError(NotEditor);
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToList());
        var clauses = ClauseInputs.Validate(request.Clauses, d!.Layout, "Rancangan", fields);
        if (fields.Count > 0) return new ValidationError("Rancangan belum dapat disimpan.", fields.ToDictionary(f => f.Key, f => f.Value.ToArray()));
        if (a!.IsEnded) return new ConflictError("Kerja sama telah berakhir; rancangan tidak dapat diubah.");
        if (d!.Status != DraftStatus.Open) return new ConflictError("Rancangan ini sudah final dan tidak dapat diubah.");
        if (request.BasedOnVersion != d.LatestVersion)
            return new ConflictError($"Rancangan ini telah disimpan orang lain (versi terakhir {d.LatestVersion}). Muat ulang, bandingkan, lalu simpan lagi.");

        var (_, values) = await DraftFields.ForAsync(db, a, Wib.Today(clock), ct);
        foreach (var c in clauses)
        {
            c.Heading = DraftFields.Fill(c.Heading, values);
            c.Paragraphs = c.Paragraphs.Select(p => DraftFields.Fill(p, values)).ToList();
        }
        var previous = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == d.Id && v.Number == d.LatestVersion).Select(v => v.Place).FirstAsync(ct);
        return await AppendVersionAsync(db, actor, a, d, clauses, string.IsNullOrWhiteSpace(request.Place) ? previous : request.Place.Trim(), request.Note, null, clock, ct);
    }

    private static async Task<Result<DraftDetails>> AppendVersionAsync(JalinDb db, CurrentActor actor, Agreement a, Draft d, List<DraftClause> clauses, string place,
        string? note, int? restoredFrom, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        d.LatestVersion++;
        d.UpdatedAt = now;
        d.Version++;
        db.ActingAs(actor).DraftVersions.Add(new DraftVersion
        {
            DraftId = d.Id, Number = d.LatestVersion, AuthorUserId = actor.UserId, AuthorName = actor.FullName, CreatedAt = now,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RestoredFrom = restoredFrom, Place = place, Clauses = clauses,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves on the same base: the unique (draft, number) index or the draft's version token refuses the second.
            return new ConflictError("Rancangan ini disimpan orang lain pada saat yang sama. Muat ulang lalu simpan lagi.");
        }
        return await GetAsync(db, actor, a.Id, d.Id, null, ct);
    }

    public static async Task<Result<DraftDetails>> RestoreAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, RestoreDraftRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var (a, d, error) = await LoadForChangeAsync(db, actor, agreementId, draftId, ct);
        if (error is not null) return error;
        if (!DraftAccess.CanEdit(actor, a!)) return new ForbiddenError("Hanya petugas kerja sama daerah pemilik atau OPD pelaksana yang memulihkan versi.");
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (fields.Count > 0) return new ValidationError("Permintaan pemulihan belum benar.", fields);
        var old = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DraftId == d!.Id && v.Number == request.Version, ct);
        if (old is null) return ValidationError.Of("version", $"Versi {request.Version} tidak ada pada rancangan ini.");
        if (a!.IsEnded) return new ConflictError("Kerja sama telah berakhir; rancangan tidak dapat diubah.");
        if (d!.Status != DraftStatus.Open) return new ConflictError("Rancangan ini sudah final dan tidak dapat diubah.");
        if (old.Number == d.LatestVersion) return new ConflictError("Versi itu adalah versi terakhir; tidak ada yang perlu dipulihkan.");
        return await AppendVersionAsync(db, actor, a, d, old.Clauses.Select(c => c.Copy()).ToList(), old.Place,
            string.IsNullOrWhiteSpace(request.Note) ? $"Memulihkan versi {old.Number}" : request.Note, old.Number, clock, ct);
    }

    public static async Task<Result<DraftComparison>> CompareAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, int from, int to, CancellationToken ct = default)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var form = await db.Drafts.Where(x => x.Id == draftId && x.AgreementId == a.Id).Select(x => (DocumentKind?)x.Form).FirstOrDefaultAsync(ct);
        if (form is null || !DraftAccess.CanSee(actor, a, form.Value)) return new NotFoundError("Rancangan tidak ditemukan.");
        var versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draftId && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var older = versions.FirstOrDefault(v => v.Number == from);
        var newer = versions.FirstOrDefault(v => v.Number == to);
        if (older is null || newer is null)
            return ValidationError.Of(older is null ? "from" : "to", $"Versi {(older is null ? from : to)} tidak ada pada rancangan ini.");
        return Compare(older, newer);
    }

    /// <summary>Clause by clause (matched by key, in the newer order, removed ones where they were),
    /// word by word inside each clause.</summary>
    public static DraftComparison Compare(DraftVersion older, DraftVersion newer)
    {
        var oldByKey = older.Clauses.ToDictionary(c => c.Key);
        var newKeys = newer.Clauses.Select(c => c.Key).ToHashSet();
        var result = new List<ClauseDiff>();
        var oldIndex = older.Clauses.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var pendingRemoved = older.Clauses.Where(c => !newKeys.Contains(c.Key)).ToList();
        // For each newer clause, the old position of the next clause both versions share: removed
        // clauses that stood before it are shown first (deletions before insertions, as in a diff).
        var nextShared = new int[newer.Clauses.Count];
        for (int i = newer.Clauses.Count - 1, next = int.MaxValue; i >= 0; i--)
        {
            if (oldIndex.TryGetValue(newer.Clauses[i].Key, out var at)) next = at;
            nextShared[i] = next;
        }
        for (var i = 0; i < newer.Clauses.Count; i++)
        {
            var c = newer.Clauses[i];
            foreach (var r in pendingRemoved.Where(r => oldIndex[r.Key] < nextShared[i]).ToList())
            {
                result.Add(Diff(r, null));
                pendingRemoved.Remove(r);
            }
            result.Add(Diff(oldByKey.GetValueOrDefault(c.Key), c));
        }
        result.AddRange(pendingRemoved.Select(r => Diff(r, null)));
        var ins = result.Sum(r => r.Segments.Count(s => s.Kind == ChangeKind.Inserted));
        var del = result.Sum(r => r.Segments.Count(s => s.Kind == ChangeKind.Deleted));
        return new DraftComparison(older.Number, newer.Number, result, ins, del);

        static ClauseDiff Diff(DraftClause? o, DraftClause? n)
        {
            var oldText = o is null ? "" : Full(o);
            var newText = n is null ? "" : Full(n);
            var segments = VersionCompare.Words(oldText, newText);
            var change = o is null ? ClauseChange.Added : n is null ? ClauseChange.Removed : oldText == newText && o.Type == n.Type ? ClauseChange.Same : ClauseChange.Changed;
            return new ClauseDiff((n ?? o)!.Key, (n ?? o)!.Heading, change, segments);
        }

        static string Full(DraftClause c) => c.Heading + "\n" + string.Join("\n", c.Paragraphs);
    }

    /// <summary>Comments are taken while the draft is open and the agreement runs; a final is what was signed.</summary>
    private static bool CommentsOpen(Agreement a, Draft d) => d.Status == DraftStatus.Open && !a.IsEnded;

    private static Error? CommentsClosed(Agreement a, Draft d) =>
        a.IsEnded ? new ConflictError("Kerja sama telah berakhir.")
        : d.Status != DraftStatus.Open ? new ConflictError("Rancangan sudah diterbitkan sebagai naskah final; komentar tidak dapat ditambahkan atau diubah.")
        : null;

    private static DraftCommentView CommentView(DraftComment c, bool canResolve) =>
        new(c.Id, c.ClauseKey, c.VersionNumber, c.AuthorName, c.AuthorRole, c.Text, c.CreatedAt, c.ReplyToId, c.ResolvedAt, c.ResolvedBy, canResolve);

    /// <summary>A comment on a pasal of the latest version, or a reply in a thread (which reopens
    /// it if it was resolved: a new remark needs an answer).</summary>
    public static async Task<Result<DraftCommentView>> CommentAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, CommentRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var (a, d, error) = await LoadForChangeAsync(db, actor, agreementId, draftId, ct);
        if (error is not null) return error;
        if (!DraftAccess.CanComment(actor, a!)) return new ForbiddenError("Peran Anda hanya dapat membaca rancangan.");
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (fields.Count > 0) return new ValidationError("Komentar belum benar.", fields);
        if (string.IsNullOrWhiteSpace(request.Text)) return ValidationError.Of("text", "Komentar wajib diisi.");
        DraftComment? thread = null;
        if (request.ReplyTo is { } replyTo)
        {
            var target = await db.DraftComments.FirstOrDefaultAsync(c => c.Id == replyTo && c.DraftId == d!.Id, ct);
            if (target is null) return ValidationError.Of("replyTo", "Komentar yang dibalas tidak ada pada rancangan ini.");
            thread = target.ReplyToId is { } root ? await db.DraftComments.FirstAsync(c => c.Id == root, ct) : target;
            if (thread.ClauseKey != request.ClauseKey) return ValidationError.Of("clauseKey", "Balasan harus pada pasal yang sama dengan komentar yang dibalas.");
        }
        else
        {
            var latest = await db.DraftVersions.AsNoTracking().FirstAsync(v => v.DraftId == d!.Id && v.Number == d.LatestVersion, ct);
            if (latest.Clauses.All(c => c.Key != request.ClauseKey)) return ValidationError.Of("clauseKey", "Pasal tidak ada pada versi terakhir rancangan ini.");
        }
        if (CommentsClosed(a!, d!) is { } closed) return closed;
        var comment = new DraftComment
        {
            DraftId = d!.Id, ClauseKey = request.ClauseKey!.Value, VersionNumber = d.LatestVersion, AuthorUserId = actor.UserId, AuthorName = actor.FullName,
            AuthorRole = actor.Role.Label(), Text = request.Text.Trim(), CreatedAt = clock.GetUtcNow(), RegionCode = a!.RegionCode, ReplyToId = thread?.Id,
        };
        if (thread is { ResolvedAt: not null }) { thread.ResolvedAt = null; thread.ResolvedBy = null; }
        db.ActingAs(actor).DraftComments.Add(comment);
        await db.SaveChangesAsync(ct);
        await Notifications.AgreementNotifications.DraftCommentedAsync(db, actor, a, d, comment, clock, ct);
        return CommentView(comment, false);
    }

    /// <summary>Marks a thread resolved (the remark was dealt with) or reopens it.</summary>
    public static async Task<Result<DraftCommentView>> ResolveCommentAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, long commentId,
        ResolveCommentRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var (a, d, error) = await LoadForChangeAsync(db, actor, agreementId, draftId, ct);
        if (error is not null) return error;
        var c = await db.DraftComments.FirstOrDefaultAsync(x => x.Id == commentId && x.DraftId == d!.Id, ct);
        if (c is null) return new NotFoundError("Komentar tidak ditemukan.");
        if (c.ReplyToId is not null) return ValidationError.Of("commentId", "Hanya komentar pertama suatu utas yang dapat ditandai selesai.");
        if (!DraftAccess.CanResolve(actor, a!, c))
            return new ForbiddenError("Hanya penyusun rancangan atau penulis komentar yang dapat menandai komentar selesai.");
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (fields.Count > 0) return new ValidationError("Permintaan belum benar.", fields);
        if (CommentsClosed(a!, d!) is { } closed) return closed;
        if (request.Resolved == true && c.ResolvedAt is null) { c.ResolvedAt = clock.GetUtcNow(); c.ResolvedBy = actor.FullName; }
        else if (request.Resolved == false) { c.ResolvedAt = null; c.ResolvedBy = null; }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return CommentView(c, true);
    }

    /// <summary>A leader lets the latest version go to signing although required muatan is
    /// missing; the reason, who and when are kept on the draft and in the audit trail.</summary>
    public static async Task<Result<DraftDetails>> OverrideAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid draftId, OverrideRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        var (a, d, error) = await LoadForChangeAsync(db, actor, agreementId, draftId, ct);
        if (error is not null) return error;
        if (!DraftAccess.CanOverride(actor, a!)) return new ForbiddenError("Pengecualian muatan hanya dapat diberikan pimpinan daerah pemilik.");
        var fields = AgreementRules.Annotations(request).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        if (fields.Count == 0 && request.Reason!.Trim().Length < 20)
            fields["reason"] = ["Alasan 20 sampai 2000 karakter: jelaskan mengapa naskah tetap diteruskan."];
        if (fields.Count > 0) return new ValidationError("Pengecualian belum dapat dicatat.", fields);
        if (a!.IsEnded) return new ConflictError("Kerja sama telah berakhir.");
        if (d!.Status != DraftStatus.Open) return new ConflictError("Rancangan ini sudah final.");
        if (request.Version != d.LatestVersion)
            return new ConflictError($"Pengecualian hanya untuk versi terakhir (versi {d.LatestVersion}). Periksa versi itu lalu ulangi.");
        var latest = await db.DraftVersions.AsNoTracking().FirstAsync(v => v.DraftId == d.Id && v.Number == d.LatestVersion, ct);
        var (affair, levels) = await DraftCompliance.FactsAsync(db, a, ct);
        if (Muatan.IsComplete(DraftCompliance.Check(a, d.Form, d.Layout, latest.Clauses, affair, levels)))
            return new ConflictError("Semua muatan wajib sudah ada; pengecualian tidak diperlukan.");
        d.OverrideVersion = d.LatestVersion;
        d.OverrideReason = request.Reason!.Trim();
        d.OverrideBy = actor.Describe();
        d.OverrideAt = clock.GetUtcNow();
        d.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Rancangan ini diubah orang lain pada saat yang sama. Muat ulang lalu ulangi."); }
        return await GetAsync(db, actor, a.Id, d.Id, null, ct);
    }

    /// <summary>The DOCX of a version (the latest by default), written from the agreement's current data.</summary>
    public static async Task<Result<DownloadableFile>> DocxAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, Guid draftId, int? version,
        TimeProvider clock, CancellationToken ct = default)
    {
        var r = await RenderAsync(db, files, actor, agreementId, draftId, version, clock, ct);
        if (!r.Ok) return r.Error!;
        var (render, name) = r.Value;
        return new DownloadableFile(new MemoryStream(DraftDocx.Write(render)), name + ".docx", FileSniffer.Docx.ContentType);
    }

    internal static async Task<Result<(DraftRender Render, string FileName)>> RenderAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, Guid draftId,
        int? version, TimeProvider clock, CancellationToken ct)
    {
        var a = await LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var d = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == draftId && x.AgreementId == a.Id, ct);
        if (d is null || !DraftAccess.CanSee(actor, a, d.Form)) return new NotFoundError("Rancangan tidak ditemukan.");
        var n = version ?? d.LatestVersion;
        var v = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(x => x.DraftId == d.Id && x.Number == n, ct);
        if (v is null) return new NotFoundError($"Versi {n} tidak ada pada rancangan ini.");
        var render = await DraftRenders.ForAsync(db, files, DefaultTemplates.Find(d.TemplateCode)!, a, v.Clauses, v.Place, d.Number,
            d.Status == DraftStatus.Final ? a.SignedOn : null, Wib.Today(clock), ct);
        return (render, $"{d.TemplateCode}-v{n}");
    }
}

public static class DraftPdf
{
    // LibreOffice takes seconds per document: a version already converted is served again from
    // memory until the agreement or the draft changes (the key holds both their change stamps).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Cache = new();
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Order = new();
    private const int CacheSize = 32;

    /// <summary>A version as PDF through LibreOffice (a preview: no number, no verification code).</summary>
    public static async Task<Result<DownloadableFile>> HandleAsync(JalinDb db, FileStore files, PdfConverter pdf, CurrentActor actor, Guid agreementId, Guid draftId,
        int? version, TimeProvider clock, CancellationToken ct = default)
    {
        var r = await DraftUseCases.RenderAsync(db, files, actor, agreementId, draftId, version, clock, ct);
        if (!r.Ok) return r.Error!;
        var (render, name) = r.Value;
        var key = $"{draftId}/{name}/{render.Agreement.UpdatedAt.UtcTicks}/{render.Agreement.Version}/{render.Number}/{render.Font?.ToSetting()}";
        if (!Cache.TryGetValue(key, out var bytes))
        {
            var converted = await pdf.ConvertDocxAsync(DraftDocx.Write(render), actor.UserName, ct);
            if (!converted.Ok) return converted.Error!;
            bytes = converted.Value!;
            if (Cache.TryAdd(key, bytes))
            {
                Order.Enqueue(key);
                while (Order.Count > CacheSize && Order.TryDequeue(out var old)) Cache.TryRemove(old, out _);
            }
        }
        return new DownloadableFile(new MemoryStream(bytes), name + ".pdf", FileSniffer.Pdf.ContentType);
    }
}
