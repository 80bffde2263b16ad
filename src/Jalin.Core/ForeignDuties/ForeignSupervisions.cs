using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.ForeignDuties;

public sealed record ScheduleSupervisionInput(Guid? AgreementId, DateOnly? PlannedOn, SupervisionMethod? Method, SupervisionMode? Mode);

public sealed record SupervisionResultInput(DateOnly? DoneOn, string? Findings, string? Recommendations, string? FollowUpRequested);

public sealed record SupervisionAnswerInput(string? Answer);

public sealed record SupervisedAgreement(Guid AgreementId, string Title, string RegionCode, string RegionName, DateOnly? EndsOn, DateOnly? LastDoneOn, int DoneThisYear,
    int Scheduled, string? Flag);

public sealed record SupervisionOverview(int Year, string Basis, IReadOnlyList<SupervisedAgreement> Agreements, IReadOnlyList<SupervisionView> Upcoming);

/// <summary>Supervision of foreign cooperation (Permendagri 25/2020 Pasal 39 ayat (2) and (5)): the Menteri over a
/// province's KSDPL/KSDLL (pembina nasional), the Gubernur over a kab/kota's (pembina provinsi), by monitoring and
/// evaluation at least twice a year. The supervisor schedules and records; the supervised region reads and answers.</summary>
public static class ForeignSupervisions
{
    private static readonly NotFoundError NotFound = new("Pengawasan tidak ditemukan.");
    public const string Basis = "Pengawasan dilaksanakan melalui monitoring dan evaluasi paling sedikit 2 (dua) kali dalam 1 (satu) tahun: oleh Menteri atas kerja sama luar negeri provinsi, oleh gubernur atas kerja sama luar negeri kabupaten/kota (Permendagri 25/2020 Pasal 39 ayat (2) dan ayat (5)). Satu pengawasan per semester adalah praktik.";

    public static SupervisionView View(ForeignSupervision s) => new(s.Id, s.AgreementId, s.PlannedOn, s.Method, s.Method.Label(), s.Mode, s.Mode.Label(), s.DoneOn,
        s.Findings, s.Recommendations, s.FollowUpRequested, s.FileName, s.SupervisorRegionCode is null ? "Menteri Dalam Negeri" : "Gubernur", s.RegionAnswer, s.AnsweredBy);

    private static bool IsSupervisor(CurrentActor a) => a.Role is Role.SupervisorNational || (a.Role == Role.SupervisorProvince && a.RegionCode is not null);

    /// <summary>The foreign agreements in implementation the actor supervises, with the last supervision and this year's count.</summary>
    public static async Task<Result<SupervisionOverview>> OverviewAsync(JalinDb db, CurrentActor actor, int? year, TimeProvider clock, CancellationToken ct = default)
    {
        if (!IsSupervisor(actor)) return new ForbiddenError("Pengawasan kerja sama luar negeri dilakukan pembina: Kementerian Dalam Negeri atas provinsi, gubernur atas kabupaten/kota.");
        var today = Wib.Today(clock);
        var y = year ?? today.Year;
        if (y < 2000 || y > today.Year + 1) return ValidationError.Of("year", $"Tahun {y} tidak dapat dipilih.");
        var q = db.Agreements.AsNoTracking().VisibleTo(actor).Where(a => a.Stage == Stage.Implementation && (a.Kind == CooperationKind.Ksdpl || a.Kind == CooperationKind.Ksdll));
        q = actor.Role == Role.SupervisorNational ? q.Where(a => !a.RegionCode.Contains(".")) : q.Where(a => a.RegionCode.StartsWith(actor.RegionCode + "."));
        var agreements = await q.OrderBy(a => a.RegionCode).ThenBy(a => a.Title).Select(a => new { a.Id, a.Title, a.RegionCode, a.EndsOn, a.Kind }).Take(1000).ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var sups = await db.ForeignSupervisions.AsNoTracking().Where(s => ids.Contains(s.AgreementId)).ToListAsync(ct);
        var codes = agreements.Select(a => a.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Level == Regions.RegionLevel.Province ? "Provinsi " + r.Name : r.Name, ct);
        var rows = agreements.Where(a => ForeignDutyRules.Supervises(actor, a.RegionCode, a.Kind)).Select(a =>
        {
            var mine = sups.Where(s => s.AgreementId == a.Id).ToList();
            var done = mine.Count(s => s.DoneOn?.Year == y);
            return new SupervisedAgreement(a.Id, a.Title, a.RegionCode, names.GetValueOrDefault(a.RegionCode, a.RegionCode), a.EndsOn,
                mine.Where(s => s.DoneOn is not null).Max(s => s.DoneOn), done, mine.Count(s => s.DoneOn is null), ForeignDutyRules.SupervisionFlag(y, done, today));
        }).ToList();
        var upcoming = sups.Where(s => s.DoneOn is null).OrderBy(s => s.PlannedOn).Select(View).ToList();
        return new SupervisionOverview(y, Basis, rows, upcoming);
    }

    private static async Task<Result<Agreement>> LoadSupervisedAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == agreementId, ct);
        if (a is null || !ForeignDutyRules.IsForeign(a.Kind)) return ForeignDutyUseCases.NotFound;
        if (!ForeignDutyRules.Supervises(actor, a.RegionCode, a.Kind))
            return new ForbiddenError(ForeignDutyRules.IsProvince(a.RegionCode)
                ? "Kerja sama luar negeri provinsi diawasi Menteri (Permendagri 25/2020 Pasal 39 ayat (2))."
                : "Kerja sama luar negeri kabupaten/kota diawasi gubernur provinsinya (Permendagri 25/2020 Pasal 39 ayat (2)).");
        if (a.Stage != Stage.Implementation) return new ConflictError(ForeignDutyUseCases.NotImplementing);
        return a;
    }

    public static async Task<Result<SupervisionView>> ScheduleAsync(JalinDb db, CurrentActor actor, ScheduleSupervisionInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (!IsSupervisor(actor)) return new ForbiddenError("Pengawasan kerja sama luar negeri dijadwalkan pembina: Kementerian Dalam Negeri atas provinsi, gubernur atas kabupaten/kota.");
        var f = new Dictionary<string, string[]>();
        if (input.AgreementId is null) f["agreementId"] = ["Pilih kerja sama yang diawasi."];
        if (input.PlannedOn is null) f["plannedOn"] = ["Isi tanggal pengawasan."];
        if (input.Method is null) f["method"] = ["Pilih cara pengawasan: monitoring atau evaluasi."];
        if (input.Mode is null) f["mode"] = ["Pilih bentuk pengawasan: kunjungan lapangan atau telaah dokumen."];
        if (f.Count > 0) return new ValidationError("Jadwal pengawasan belum dapat disimpan.", f);
        var loaded = await LoadSupervisedAsync(db, actor, input.AgreementId!.Value, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var today = Wib.Today(clock);
        if (input.PlannedOn!.Value.Year is var py && (py < today.Year - 1 || py > today.Year + 1))
            return ValidationError.Of("plannedOn", "Tanggal pengawasan paling jauh satu tahun sebelum atau sesudah tahun ini.");
        var s = new ForeignSupervision
        {
            AgreementId = a.Id, RegionCode = a.RegionCode, SupervisorRegionCode = ForeignDutyRules.SupervisorOf(a.RegionCode), PlannedOn = input.PlannedOn.Value,
            Method = input.Method!.Value, Mode = input.Mode!.Value, ScheduledBy = actor.FullName, CreatedAt = clock.GetUtcNow(),
        };
        db.ActingAs(actor).ForeignSupervisions.Add(s);
        await db.SaveChangesAsync(ct);
        await Notify.SendAsync(db, actor, new NotificationMessage(NotificationKind.Reminder, $"Pengawasan kerja sama luar negeri dijadwalkan: {a.Title}",
                $"{(s.SupervisorRegionCode is null ? "Kementerian Dalam Negeri" : "Gubernur")} menjadwalkan {s.Method.Label().ToLowerInvariant()} ({s.Mode.Label().ToLowerInvariant()}) pada {IndonesianFormat.FormatDateLong(s.PlannedOn)} (Permendagri 25/2020 Pasal 39).",
                AgreementNotifications.Link(a.Id), NotificationSubjects.Agreement, a.Id.ToString(), $"pengawasan-ln:{s.Id}:jadwal"),
            Recipients.RoleIn(a.RegionCode, Role.CooperationOfficer), clock, ct: ct);
        return View(s);
    }

    private static async Task<Result<ForeignSupervision>> LoadRowAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct)
    {
        var s = await db.ForeignSupervisions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound;
        var a = await LoadSupervisedAsync(db, actor, s.AgreementId, ct);
        return a.Ok ? s : a.Error! is NotFoundError ? NotFound : a.Error!;
    }

    /// <summary>Records the result: the day done, findings, recommendations and the follow-up asked of the region.</summary>
    public static async Task<Result<SupervisionView>> RecordAsync(JalinDb db, CurrentActor actor, Guid id, SupervisionResultInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var row = await LoadRowAsync(db, actor, id, ct);
        if (!row.Ok) return row.Error!;
        var s = row.Value!;
        var today = Wib.Today(clock);
        var f = new Dictionary<string, string[]>();
        if (input.DoneOn is not { } done) f["doneOn"] = ["Isi tanggal pengawasan dilaksanakan."];
        else if (done > today) f["doneOn"] = ["Tanggal pelaksanaan tidak boleh setelah hari ini."];
        if (string.IsNullOrWhiteSpace(input.Findings)) f["findings"] = ["Isi temuan pengawasan."];
        foreach (var (key, v) in new[] { ("findings", input.Findings), ("recommendations", input.Recommendations), ("followUpRequested", input.FollowUpRequested) })
            if (v is { Length: > 4000 }) f[key] = ["Paling banyak 4000 karakter."];
        if (f.Count > 0) return new ValidationError("Hasil pengawasan belum dapat disimpan.", f);
        s.DoneOn = input.DoneOn;
        s.Findings = input.Findings!.Trim();
        s.Recommendations = string.IsNullOrWhiteSpace(input.Recommendations) ? null : input.Recommendations.Trim();
        s.FollowUpRequested = string.IsNullOrWhiteSpace(input.FollowUpRequested) ? null : input.FollowUpRequested.Trim();
        s.RecordedBy = actor.FullName;
        s.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return View(s);
    }

    public static async Task<Result<SupervisionView>> UploadDocumentAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, byte[]? content, string? fileName,
        TimeProvider clock, CancellationToken ct = default)
    {
        var row = await LoadRowAsync(db, actor, id, ct);
        if (!row.Ok) return row.Error!;
        var s = row.Value!;
        var stored = await Evidence.StoreAsync(db, files, actor, content, fileName, clock, ct);
        if (!stored.Ok) return stored.Error!;
        (s.FileSha256, s.FileName, s.ContentType) = (stored.Value!.Sha256, stored.Value.Name, stored.Value.ContentType);
        s.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return View(s);
    }

    /// <summary>The supervised region's cooperation officer answers the follow-up requested.</summary>
    public static async Task<Result<SupervisionView>> AnswerAsync(JalinDb db, CurrentActor actor, Guid id, SupervisionAnswerInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var s = await db.ForeignSupervisions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound;
        var loaded = await ForeignDutyUseCases.LoadAsync(db, actor, s.AgreementId, ct);
        if (!loaded.Ok) return loaded.Error! is NotFoundError ? NotFound : loaded.Error!;
        if (!AgreementAccess.CanManage(actor, loaded.Value!)) return new ForbiddenError("Tindak lanjut pengawasan dijawab petugas Bagian Kerja Sama daerah yang diawasi.");
        if (s.DoneOn is null) return new ConflictError("Pengawasan ini belum dilaksanakan; belum ada tindak lanjut yang dijawab.");
        if (string.IsNullOrWhiteSpace(input.Answer)) return ValidationError.Of("answer", "Tulis jawaban atau tindak lanjut daerah.");
        if (input.Answer.Length > 4000) return ValidationError.Of("answer", "Jawaban paling banyak 4000 karakter.");
        s.RegionAnswer = input.Answer.Trim();
        s.AnsweredBy = actor.FullName;
        s.AnsweredAt = clock.GetUtcNow();
        s.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return View(s);
    }

    public static async Task<Result<DownloadableFile>> DocumentAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var s = await db.ForeignSupervisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound;
        var loaded = await ForeignDutyUseCases.LoadAsync(db, actor, s.AgreementId, ct);
        if (!loaded.Ok) return NotFound;
        if (s.FileSha256 is null) return new NotFoundError("Dokumen hasil pengawasan belum dilampirkan.");
        var bytes = await files.ReadAsync(s.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), s.FileName!, s.ContentType!);
    }
}
