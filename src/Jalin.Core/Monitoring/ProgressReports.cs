using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Monitoring;

public sealed record PeriodRow(int Number, string Label, DateOnly Start, DateOnly End, DateOnly DueOn, string? DueNote, bool Ended, Guid? ReportId, ReportStatus? Status,
    string? StatusLabel, bool Late);

public sealed record ProgressOverview(ReportPeriod Period, string PeriodLabel, int DueWorkingDays, string Basis, string? ExecutingAgency, bool CanWrite, bool CanReview,
    bool CanSetPeriod, bool InImplementation, string? Message, IReadOnlyList<PeriodRow> Periods);

public sealed record ProgressReportView(Guid Id, Guid AgreementId, string AgreementTitle, string AgencyName, ReportPeriod Period, int PeriodNumber, string PeriodLabel,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, string? DueNote, bool Late, ReportStatus Status, string StatusLabel, string? Activities,
    IReadOnlyList<ReportIndicator> Indicators, decimal? BudgetRealisation, string? Beneficiaries, string? Obstacles, string? FollowUp, string? ReviewNote, string? ReviewedBy,
    DateOnly? SubmittedOn, bool CanEdit, IReadOnlyList<string> Actions, int Version, IReadOnlyList<EvidenceView> Evidence);

public sealed record IndicatorInput
{
    public string? Indicator { get; init; }
    public string? Unit { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }
}

public sealed record ProgressReportInput
{
    [StringLength(8000, ErrorMessage = "Kegiatan paling banyak 8000 karakter.")] public string? Activities { get; init; }
    public List<IndicatorInput>? Indicators { get; init; }
    public decimal? BudgetRealisation { get; init; }
    [StringLength(2000, ErrorMessage = "Penerima manfaat paling banyak 2000 karakter.")] public string? Beneficiaries { get; init; }
    [StringLength(4000, ErrorMessage = "Kendala paling banyak 4000 karakter.")] public string? Obstacles { get; init; }
    [StringLength(4000, ErrorMessage = "Tindak lanjut paling banyak 4000 karakter.")] public string? FollowUp { get; init; }
    public int? Version { get; init; }
}

public sealed record ReviewInput
{
    /// <summary>accept or return.</summary>
    public string? Decision { get; init; }
    [StringLength(4000, ErrorMessage = "Catatan paling banyak 4000 karakter.")] public string? Note { get; init; }
}

public sealed record MyReportRow(Guid AgreementId, string AgreementTitle, int PeriodNumber, string PeriodLabel, DateOnly PeriodEnd, DateOnly DueOn, bool Late,
    Guid? ReportId, ReportStatus? Status, string StatusLabel);

public static class ProgressReports
{
    public const int MaxIndicators = 50;

    public static async Task<Result<ProgressOverview>> OverviewAsync(JalinDb db, CurrentActor actor, Guid agreementId, TimeProvider clock, CancellationToken ct = default)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var today = Wib.Today(clock);
        var kind = await ReportingPeriods.PeriodOfAsync(db, a.Id, ct);
        var days = await ReportingPeriods.DueWorkingDaysAsync(db, a.RegionCode, ct);
        var periods = await ReportingPeriods.ForAsync(db, a, today, ct);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.AgreementId == a.Id && r.Period == kind).ToListAsync(ct);
        var implementing = MonitoringAccess.IsInImplementation(a);
        var owner = MonitoringAccess.OwnerParty(a);
        string? message = ReportingPeriods.StartOf(a) is null ? "Tanggal mulai kerja sama belum diisi; periode laporan dihitung dari tanggal mulai."
            : owner?.LeadAgencyId is null ? "OPD pelaksana kerja sama belum ditetapkan; laporan kemajuan ditulis oleh OPD pelaksana." : null;
        var rows = periods.Select(p =>
        {
            var r = reports.FirstOrDefault(x => x.PeriodNumber == p.Number);
            var late = r?.IsLate(today) ?? (today > p.DueOn);
            return new PeriodRow(p.Number, p.Label(kind), p.Start, p.End, p.DueOn, p.DueNote, p.End < today, r?.Id, r?.Status, r?.Status.Label() ?? "Belum dibuat", late);
        }).ToList();
        return new ProgressOverview(kind, kind.Label(), days, ReportingPeriods.Practice, owner?.LeadAgencyName,
            implementing && MonitoringAccess.IsLeadAgency(actor, a), implementing && MonitoringAccess.CanManage(actor, a),
            implementing && MonitoringAccess.CanManage(actor, a) && reports.Count == 0, implementing, message, rows);
    }

    /// <summary>The officer sets the agreement's reporting period (triwulan/semester) while no report of it exists.</summary>
    public static async Task<Result<ProgressOverview>> SetPeriodAsync(JalinDb db, CurrentActor actor, Guid agreementId, ReportPeriod? period, TimeProvider clock, CancellationToken ct = default)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (!MonitoringAccess.CanManage(actor, a)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah pemilik kerja sama yang menetapkan periode laporan.");
        if (period is not { } p || !Enum.IsDefined(p)) return ValidationError.Of("period", "Periode laporan: Quarterly (triwulan) atau Semester.");
        if (!MonitoringAccess.IsInImplementation(a)) return new ConflictError(MonitoringAccess.NotImplementing);
        if (await db.ProgressReports.AnyAsync(r => r.AgreementId == a.Id, ct))
            return new ConflictError("Periode laporan tidak dapat diubah setelah ada laporan kemajuan.");
        var plan = await db.MonitoringPlans.FirstOrDefaultAsync(x => x.AgreementId == a.Id, ct);
        if (plan is null) db.MonitoringPlans.Add(new MonitoringPlan { AgreementId = a.Id, RegionCode = a.RegionCode, Period = p, UpdatedAt = clock.GetUtcNow() });
        else { plan.Period = p; plan.UpdatedAt = clock.GetUtcNow(); }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await OverviewAsync(db, actor, agreementId, clock, ct);
    }

    /// <summary>The lead OPD opens the report of a period that has started (one per period).</summary>
    public static async Task<Result<ProgressReportView>> CreateAsync(JalinDb db, CurrentActor actor, Guid agreementId, int? periodNumber, TimeProvider clock, CancellationToken ct = default)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (!MonitoringAccess.IsLeadAgency(actor, a)) return new ForbiddenError("Laporan kemajuan ditulis oleh OPD pelaksana kerja sama ini.");
        if (!MonitoringAccess.IsInImplementation(a)) return new ConflictError(MonitoringAccess.NotImplementing);
        var today = Wib.Today(clock);
        var periods = await ReportingPeriods.ForAsync(db, a, today, ct);
        if (periodNumber is not { } n || periods.FirstOrDefault(p => p.Number == n) is not { } period)
            return ValidationError.Of("periodNumber", periods.Count == 0 ? "Belum ada periode laporan yang dimulai." : $"Pilih periode 1 sampai {periods.Count}.");
        var kind = await ReportingPeriods.PeriodOfAsync(db, a.Id, ct);
        if (await db.ProgressReports.AnyAsync(r => r.AgreementId == a.Id && r.Period == kind && r.PeriodNumber == n, ct))
            return new ConflictError($"Laporan {kind.Label().ToLowerInvariant()} {n} sudah dibuat.");
        var now = clock.GetUtcNow();
        var r = new ProgressReport
        {
            AgreementId = a.Id, RegionCode = a.RegionCode, AgencyId = actor.AgencyId!.Value, AgencyName = MonitoringAccess.OwnerParty(a)?.LeadAgencyName ?? "OPD pelaksana",
            Period = kind, PeriodNumber = n, PeriodStart = period.Start, PeriodEnd = period.End, DueOn = period.DueOn, DueNote = period.DueNote, Status = ReportStatus.Draft,
            CreatedBy = actor.UserName, CreatedAt = now, UpdatedAt = now,
        };
        db.ActingAs(actor).ProgressReports.Add(r);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return new ConflictError($"Laporan {kind.Label().ToLowerInvariant()} {n} sudah dibuat."); }
        return View(r, a, actor, today);
    }

    public static ProgressReportView View(ProgressReport r, Agreement a, CurrentActor actor, DateOnly today) => new(r.Id, a.Id, a.Title, r.AgencyName, r.Period, r.PeriodNumber,
        new ReportingPeriod(r.PeriodNumber, r.PeriodStart, r.PeriodEnd, r.DueOn, r.DueNote).Label(r.Period), r.PeriodStart, r.PeriodEnd, r.DueOn, r.DueNote, r.IsLate(today),
        r.Status, r.Status.Label(), r.Activities, r.Indicators, r.BudgetRealisation, r.Beneficiaries, r.Obstacles, r.FollowUp, r.ReviewNote, r.ReviewedBy, r.SubmittedOn,
        ReportTable.CanEdit(actor, a, r) && MonitoringAccess.IsInImplementation(a), MonitoringAccess.IsInImplementation(a) ? ReportTable.Available(actor, a, r) : [], r.Version,
        r.Evidence.OrderBy(e => e.CreatedAt).Select(ObligationUseCases.View).ToList());

    private static async Task<(Agreement? A, ProgressReport? R)> LoadAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid reportId, CancellationToken ct, bool track = false)
    {
        var a = await MonitoringAccess.LoadAsync(db, actor, agreementId, ct);
        if (a is null) return (null, null);
        var q = db.ProgressReports.Include(r => r.Evidence).Where(r => r.Id == reportId && r.AgreementId == a.Id);
        if (!track) q = q.AsNoTracking();
        return (a, await q.FirstOrDefaultAsync(ct));
    }

    public static async Task<Result<ProgressReportView>> GetAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid reportId, TimeProvider clock, CancellationToken ct = default)
    {
        var (a, r) = await LoadAsync(db, actor, agreementId, reportId, ct);
        if (a is null || r is null) return new NotFoundError("Laporan kemajuan tidak ditemukan.");
        return View(r, a, actor, Wib.Today(clock));
    }

    /// <summary>The lead OPD saves the content of a draft or returned report.</summary>
    public static async Task<Result<ProgressReportView>> SaveAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid reportId, ProgressReportInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        var (a, r) = await LoadAsync(db, actor, agreementId, reportId, ct, track: true);
        if (a is null || r is null) return new NotFoundError("Laporan kemajuan tidak ditemukan.");
        if (!MonitoringAccess.IsLeadAgency(actor, a) || actor.AgencyId != r.AgencyId) return new ForbiddenError("Laporan kemajuan ditulis oleh OPD pelaksana kerja sama ini.");
        if (!MonitoringAccess.IsInImplementation(a)) return new ConflictError(MonitoringAccess.NotImplementing);
        if (!ReportTable.CanEdit(actor, a, r)) return new ConflictError($"Laporan berstatus {r.Status.Label()}; hanya laporan draf atau yang dikembalikan yang dapat diubah.");
        if (input.Version is { } v && v != r.Version) return new ConflictError("Laporan ini telah diubah orang lain. Muat ulang lalu ulangi.");
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        var indicators = new List<ReportIndicator>();
        var list = input.Indicators ?? [];
        if (list.Count > MaxIndicators) fields["indicators"] = [$"Paling banyak {MaxIndicators} indikator."];
        for (var i = 0; i < list.Count && i < MaxIndicators; i++)
        {
            var x = list[i];
            var name = x.Indicator?.Trim() ?? "";
            var unit = x.Unit?.Trim() ?? "";
            if (name.Length == 0) fields[$"indicators[{i}].indicator"] = [$"Indikator baris {i + 1}: tulis nama indikatornya."];
            else if (name.Length > 300) fields[$"indicators[{i}].indicator"] = [$"Indikator baris {i + 1}: paling banyak 300 karakter."];
            if (unit.Length == 0) fields[$"indicators[{i}].unit"] = [$"Indikator baris {i + 1}: tulis satuannya (mis. orang, dokumen, km)."];
            else if (unit.Length > 50) fields[$"indicators[{i}].unit"] = [$"Indikator baris {i + 1}: satuan paling banyak 50 karakter."];
            if (x.Target is not { } t || t < 0 || t > 1_000_000_000_000m) fields[$"indicators[{i}].target"] = [$"Indikator baris {i + 1}: target berupa angka 0 atau lebih."];
            if (x.Actual is not { } act || act < 0 || act > 1_000_000_000_000m) fields[$"indicators[{i}].actual"] = [$"Indikator baris {i + 1}: realisasi berupa angka 0 atau lebih."];
            indicators.Add(new ReportIndicator { Indicator = name, Unit = unit, Target = x.Target ?? 0, Actual = x.Actual ?? 0 });
        }
        if (input.BudgetRealisation is { } b && (b < 0 || b > 1_000_000_000_000_000m)) fields["budgetRealisation"] = ["Realisasi anggaran berupa nilai Rupiah 0 atau lebih."];
        if (fields.Count > 0) return new ValidationError("Laporan kemajuan belum benar.", fields);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        r.Activities = Clean(input.Activities);
        r.Indicators = indicators;
        r.BudgetRealisation = input.BudgetRealisation;
        r.Beneficiaries = Clean(input.Beneficiaries);
        r.Obstacles = Clean(input.Obstacles);
        r.FollowUp = Clean(input.FollowUp);
        r.UpdatedAt = clock.GetUtcNow();
        r.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Laporan ini telah diubah orang lain. Muat ulang lalu ulangi."); }
        return View(r, a, actor, Wib.Today(clock));
    }

    public static async Task<Result<EvidenceView>> AddEvidenceAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, Guid reportId, byte[]? content, string? fileName,
        TimeProvider clock, CancellationToken ct = default)
    {
        var (a, r) = await LoadAsync(db, actor, agreementId, reportId, ct);
        if (a is null || r is null) return new NotFoundError("Laporan kemajuan tidak ditemukan.");
        if (!MonitoringAccess.IsLeadAgency(actor, a) || actor.AgencyId != r.AgencyId) return new ForbiddenError("Bukti laporan dilampirkan oleh OPD pelaksana kerja sama ini.");
        if (!ReportTable.CanEdit(actor, a, r) || !MonitoringAccess.IsInImplementation(a))
            return new ConflictError($"Laporan berstatus {r.Status.Label()}; bukti hanya dapat dilampirkan pada laporan draf atau yang dikembalikan.");
        var stored = await Evidence.StoreAsync(db, files, actor, content, fileName, clock, ct);
        if (!stored.Ok) return stored.Error!;
        var e = stored.Value!;
        var row = new MonitoringEvidence { AgreementId = a.Id, ReportId = r.Id, FileSha256 = e.Sha256, FileName = e.Name, ContentType = e.ContentType, FileSize = e.Size,
            UploadedBy = actor.FullName, CreatedAt = clock.GetUtcNow() };
        db.ActingAs(actor).MonitoringEvidence.Add(row);
        await db.SaveChangesAsync(ct);
        return ObligationUseCases.View(row);
    }

    /// <summary>Submit (the OPD: needs activities or at least one indicator), accept or return (the Bagian Kerja Sama; returning needs a note).</summary>
    public static async Task<Result<ProgressReportView>> ActAsync(JalinDb db, CurrentActor actor, Guid agreementId, Guid reportId, ReportAction action, string? note, TimeProvider clock,
        CancellationToken ct = default)
    {
        var (a, r) = await LoadAsync(db, actor, agreementId, reportId, ct, track: true);
        if (a is null || r is null) return new NotFoundError("Laporan kemajuan tidak ditemukan.");
        if (!MonitoringAccess.IsInImplementation(a)) return new ConflictError(MonitoringAccess.NotImplementing);
        if (ReportTable.Refusal(actor, a, r, action) is { } refusal)
            return refusal.Forbidden ? new ForbiddenError(refusal.Message) : new ConflictError(refusal.Message);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > 4000 }) return ValidationError.Of("note", "Catatan paling banyak 4000 karakter.");
        var today = Wib.Today(clock);
        var now = clock.GetUtcNow();
        switch (action)
        {
            case ReportAction.Submit:
                if (r.Activities is null && r.Indicators.Count == 0)
                    return ValidationError.Of("activities", "Tulis kegiatan yang dilaksanakan atau isi minimal satu indikator sebelum mengajukan laporan.");
                r.Status = r.Status == ReportStatus.Returned ? ReportStatus.Resubmitted : ReportStatus.Submitted;
                r.FirstSubmittedOn ??= today;
                r.SubmittedOn = today;
                break;
            case ReportAction.Return:
                if (text is null) return ValidationError.Of("note", "Tulis catatan: apa yang harus diperbaiki OPD.");
                r.Status = ReportStatus.Returned;
                r.ReviewNote = text;
                r.ReviewedBy = actor.FullName;
                r.ReviewedAt = now;
                break;
            case ReportAction.Accept:
                r.Status = ReportStatus.Accepted;
                r.ReviewNote = text;
                r.ReviewedBy = actor.FullName;
                r.ReviewedAt = now;
                break;
        }
        r.UpdatedAt = now;
        r.Version++;
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Laporan ini telah diubah orang lain. Muat ulang lalu ulangi."); }
        await NotifyAsync(db, actor, a, r, action, clock, ct);
        return View(r, a, actor, today);
    }

    /// <summary>A submitted report goes to the owning region's cooperation officers; a return or an acceptance to the OPD's users.</summary>
    private static async Task NotifyAsync(JalinDb db, CurrentActor actor, Agreement a, ProgressReport r, ReportAction action, TimeProvider clock, CancellationToken ct)
    {
        var link = $"/app/kerja-sama/{a.Id}/laporan/{r.Id}";
        var period = $"periode {r.PeriodNumber} ({r.PeriodStart:dd/MM/yyyy}–{r.PeriodEnd:dd/MM/yyyy})";
        var (kind, title, body, to) = action switch
        {
            ReportAction.Submit => (Notifications.NotificationKind.ProposalSubmitted, $"Laporan kemajuan {r.AgencyName} {period} diajukan", $"{a.Title}. Periksa lalu terima atau kembalikan.",
                Notifications.Recipients.RoleIn(a.RegionCode, Identity.Role.CooperationOfficer)),
            ReportAction.Return => (Notifications.NotificationKind.Decision, $"Laporan kemajuan {period} dikembalikan untuk diperbaiki", $"{a.Title}. Catatan: {r.ReviewNote}",
                Notifications.Recipients.Agency(r.AgencyId)),
            _ => (Notifications.NotificationKind.Decision, $"Laporan kemajuan {period} diterima", a.Title, Notifications.Recipients.Agency(r.AgencyId)),
        };
        await Notifications.Notify.SendAsync(db, actor, new Notifications.NotificationMessage(kind, title, body, link, Notifications.NotificationSubjects.Agreement,
            a.Id.ToString(), $"report:{r.Id:N}:{r.Version}"), to, clock, ct: ct);
    }

    /// <summary>"Laporan kemajuan saya": for an OPD user, the periods of the agreements its OPD executes that have ended and
    /// whose report is not yet accepted, with their due date and whether they are late.</summary>
    public static async Task<Result<IReadOnlyList<MyReportRow>>> MineAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.AgencyUser || actor.AgencyId is not { } agency || actor.RegionCode is not { } region)
            return new ForbiddenError("Daftar laporan kemajuan ini untuk pengguna OPD.");
        var today = Wib.Today(clock);
        var agreements = await db.Agreements.AsNoTracking().VisibleTo(actor).Include(a => a.Parties)
            .Where(a => a.RegionCode == region && a.Stage == Lifecycle.Stage.Implementation && a.Parties.Any(p => p.RegionCode == region && p.LeadAgencyId == agency))
            .OrderBy(a => a.Title).Take(200).ToListAsync(ct);
        var rows = new List<MyReportRow>();
        foreach (var a in agreements.Where(x => MonitoringAccess.IsLeadAgency(actor, x)))
        {
            var kind = await ReportingPeriods.PeriodOfAsync(db, a.Id, ct);
            var reports = await db.ProgressReports.AsNoTracking().Where(r => r.AgreementId == a.Id && r.Period == kind).ToListAsync(ct);
            foreach (var p in await ReportingPeriods.ForAsync(db, a, today, ct))
            {
                var r = reports.FirstOrDefault(x => x.PeriodNumber == p.Number);
                if (r?.Status == ReportStatus.Accepted) continue;
                if (r is null && p.End >= today) continue;
                rows.Add(new MyReportRow(a.Id, a.Title, p.Number, p.Label(kind), p.End, p.DueOn, r?.IsLate(today) ?? today > p.DueOn, r?.Id, r?.Status,
                    r?.Status.Label() ?? "Belum dibuat"));
            }
        }
        return rows.OrderBy(r => r.DueOn).ToList();
    }
}

/// <summary>Dashboard flag: the active agreements (tahap Pelaksanaan) the actor sees whose last ended period has no
/// submitted or accepted progress report.</summary>
public sealed record MissingReportFlag(Guid AgreementId, string Title, string PeriodLabel, DateOnly DueOn);

public static class MissingProgressReports
{
    public static async Task<IReadOnlyList<MissingReportFlag>> HandleAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role is Role.PartnerUser or Role.SystemAdmin || actor.RegionCode is not { } region) return [];
        var today = Wib.Today(clock);
        var agreements = await db.Agreements.AsNoTracking().VisibleTo(actor).Include(a => a.Parties)
            .Where(a => a.RegionCode == region && a.Stage == Lifecycle.Stage.Implementation && (a.StartsOn != null || a.SignedOn != null))
            .OrderBy(a => a.Title).Take(500).ToListAsync(ct);
        var flags = new List<MissingReportFlag>();
        foreach (var a in agreements.Where(x => MonitoringAccess.CanRead(actor, x)))
        {
            var periods = await ReportingPeriods.ForAsync(db, a, today, ct);
            if (periods.LastOrDefault(p => p.End < today) is not { } last) continue;
            var kind = await ReportingPeriods.PeriodOfAsync(db, a.Id, ct);
            var has = await db.ProgressReports.AnyAsync(r => r.AgreementId == a.Id && r.Period == kind && r.PeriodNumber == last.Number
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Resubmitted || r.Status == ReportStatus.Accepted), ct);
            if (!has) flags.Add(new MissingReportFlag(a.Id, a.Title, last.Label(kind), last.DueOn));
        }
        return flags;
    }
}
