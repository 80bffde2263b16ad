using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Monitoring;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.ForeignDuties;

public sealed record FundingInput(string? Party, string? Source, string? Amount);

public sealed record PlanRowInput(string? Activity, string? Executor, string? Roles, string? ExpectedResult, string? Location, string? Beneficiaries, List<FundingInput>? Funding);

public sealed record PlanInput(List<PlanRowInput>? Rows);

public sealed record ExtensionInput(bool? WillExtend, string? LetterNumber, DateOnly? LetterDate, string? AddressedTo, string? Copies, string? Reason);

public sealed record PlanDuty(int Year, DateOnly DueOn, bool FirstYear, DutyState State, string StateLabel, PlanStatus? Status, IReadOnlyList<PlanRow> Rows,
    decimal Total, string? FileName, PlanDocumentSource? Source, DateOnly? FinalizedOn);

public sealed record ExtensionDuty(DateOnly Deadline, DateOnly EndsOn, DutyState State, string StateLabel, bool? WillExtend, string? LetterNumber, DateOnly? LetterDate,
    string? AddressedTo, string? Copies, string? Reason, string? FileName, string SuggestedTo, string SuggestedCopies);

public sealed record SupervisionView(Guid Id, Guid AgreementId, DateOnly PlannedOn, SupervisionMethod Method, string MethodLabel, SupervisionMode Mode, string ModeLabel,
    DateOnly? DoneOn, string? Findings, string? Recommendations, string? FollowUpRequested, string? FileName, string SupervisorLabel, string? RegionAnswer, string? AnsweredBy);

public sealed record ForeignDutiesCard(Guid AgreementId, string Title, bool Active, IReadOnlyList<PlanDuty> Plans, ExtensionDuty? Extension, string ReportText,
    IReadOnlyList<SupervisionView> Supervisions, int SupervisionsThisYear, string? SupervisionFlag, bool CanEdit, bool CanAnswer, bool CanSupervise, int PlanJanuaryDay);

public sealed record ForeignDutyFlag(Guid AgreementId, string Title, string Text);

/// <summary>The own duties of a KSDPL/KSDLL in implementation (Permendagri 25/2020 Pasal 26, 33, 35–36, 39): the yearly
/// plan, the extension request, the report deadline (text) and the supervisions. Read: the owning region's people and the
/// supervisors who see the agreement; written by the owning region's cooperation officer.</summary>
public static class ForeignDutyUseCases
{
    public static readonly NotFoundError NotFound = new("Kerja sama luar negeri tidak ditemukan.");
    public const string NotImplementing = "Kewajiban ini dicatat selama kerja sama luar negeri dilaksanakan.";

    public static bool Reads(CurrentActor a, Agreement agreement) =>
        a.Role is Role.System or Role.SupervisorNational or Role.SupervisorProvince
        || (a.RegionCode == agreement.RegionCode && a.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.Auditor or Role.AgencyUser);

    public static async Task<Result<Agreement>> LoadAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == agreementId, ct);
        if (a is null || !ForeignDutyRules.IsForeign(a.Kind)) return NotFound;
        if (Reads(actor, a)) return a;
        return actor.RegionCode == a.RegionCode ? new ForbiddenError("Kewajiban kerja sama luar negeri dibaca perangkat daerah pemilik dan pembina.") : NotFound;
    }

    private static async Task<Result<Agreement>> LoadForOfficerAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct)
    {
        var loaded = await LoadAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded;
        var a = loaded.Value!;
        if (!AgreementAccess.CanManage(actor, a)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah pemilik yang mencatat kewajiban ini.");
        if (a.Stage != Stage.Implementation) return new ConflictError(NotImplementing);
        return a;
    }

    public static async Task<int> PlanJanuaryDayAsync(JalinDb db, string region, CancellationToken ct)
    {
        var v = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == region && s.Key == ForeignDutyRules.PlanDayKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(v, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : ForeignDutyRules.DefaultPlanJanuaryDay;
    }

    /// <summary>The officer sets the day of January the yearly plan is due (pengaturan daerah); audited.</summary>
    public static async Task<Result<int>> SetPlanDayAsync(JalinDb db, CurrentActor actor, int? day, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengubah pengaturan daerahnya.");
        if (day is not { } d || d is < 1 or > 31) return ValidationError.Of("planJanuaryDay", "Tanggal batas rencana kegiatan tahunan 1 sampai 31 Januari.");
        await RegionSettingRows.UpsertAsync(db, actor.RegionCode, ForeignDutyRules.PlanDayKey, d.ToString(CultureInfo.InvariantCulture), ct);
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return d;
    }

    public static async Task<Result<ForeignDutiesCard>> CardAsync(JalinDb db, CurrentActor actor, Guid agreementId, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        if (a.Stage is not (Stage.Implementation or Stage.Ended)) return new ConflictError(NotImplementing);
        var today = Wib.Today(clock);
        var day = await PlanJanuaryDayAsync(db, a.RegionCode, ct);
        var plans = await db.AnnualActivityPlans.AsNoTracking().Where(p => p.AgreementId == a.Id).ToListAsync(ct);
        var years = ForeignDutyRules.PlanYears(a.StartsOn, a.EndsOn, today).Union(plans.Select(p => p.Year)).OrderBy(y => y).ToList();
        var planDuties = years.Select(y =>
        {
            var p = plans.FirstOrDefault(x => x.Year == y);
            var due = ForeignDutyRules.PlanDueOn(a.StartsOn ?? new DateOnly(y, 1, 1), y, day);
            var state = ForeignDutyRules.PlanState(due, p?.Status, today);
            return new PlanDuty(y, due, a.StartsOn?.Year == y, state, state.Label(), p?.Status, p?.Rows ?? [], p?.Rows.Sum(r => r.Funding.Sum(f => f.Amount)) ?? 0,
                p?.FileName, p?.DocumentSource, p?.FinalizedOn);
        }).ToList();
        ExtensionDuty? ext = null;
        if (a.EndsOn is { } end)
        {
            var d = await db.ExtensionDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.AgreementId == a.Id, ct);
            var deadline = ForeignDutyRules.ExtensionDeadline(end);
            var state = ForeignDutyRules.ExtensionState(deadline, d is not null, today);
            var (to, copies) = await AddressAsync(db, a.RegionCode, ct);
            ext = new ExtensionDuty(deadline, end, state, state.Label(), d?.WillExtend, d?.LetterNumber, d?.LetterDate, d?.AddressedTo, d?.Copies, d?.Reason, d?.FileName, to, copies);
        }
        var sups = await db.ForeignSupervisions.AsNoTracking().Where(s => s.AgreementId == a.Id).OrderByDescending(s => s.PlannedOn).ToListAsync(ct);
        var thisYear = sups.Count(s => s.DoneOn is { } d && d.Year == today.Year);
        var active = a.Stage == Stage.Implementation;
        return new ForeignDutiesCard(a.Id, a.Title, active, planDuties, ext, ForeignDutyRules.ReportDeadlineText(a.RegionCode, today.Year + (today.Month == 1 ? 0 : 1)),
            sups.Select(ForeignSupervisions.View).ToList(), thisYear, active ? ForeignDutyRules.SupervisionFlag(today.Year, thisYear, today) : null,
            active && AgreementAccess.CanManage(actor, a), active && AgreementAccess.CanManage(actor, a), active && ForeignDutyRules.Supervises(actor, a.RegionCode, a.Kind), day);
    }

    public static async Task<(string To, string Copies)> AddressAsync(JalinDb db, string regionCode, CancellationToken ct)
    {
        var province = ForeignDutyRules.ProvinceOf(regionCode);
        var names = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode || r.Code == province).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return ForeignDutyRules.ExtensionAddress(regionCode, names.GetValueOrDefault(regionCode, regionCode), names.GetValueOrDefault(province, province));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Checks and reads the rows: each row needs the activity, executor, roles, expected result, location and
    /// beneficiaries, and at least one funding line with party, source and an amount in rupiah ("250.000.000").</summary>
    public static Result<List<PlanRow>> ReadRows(PlanInput input)
    {
        var f = new Dictionary<string, string[]>();
        var rows = new List<PlanRow>();
        var list = input.Rows ?? [];
        if (list.Count == 0) f["rows"] = ["Isi paling sedikit satu kegiatan."];
        if (list.Count > 100) f["rows"] = ["Paling banyak 100 kegiatan."];
        for (var i = 0; i < list.Count && i < 100; i++)
        {
            var r = list[i];
            if (r is null) { f[$"rows[{i}]"] = ["Kegiatan kosong."]; continue; }
            void Need(string? v, string key, string label, int max)
            {
                if (string.IsNullOrWhiteSpace(v)) f[$"rows[{i}].{key}"] = [$"Isi {label} kegiatan ke-{i + 1}."];
                else if (v.Trim().Length > max) f[$"rows[{i}].{key}"] = [$"{label} paling banyak {max} karakter."];
            }
            Need(r.Activity, "activity", "uraian kegiatan", 1000);
            Need(r.Executor, "executor", "unit/OPD pelaksana", 300);
            Need(r.Roles, "roles", "peran para pihak", 1000);
            Need(r.ExpectedResult, "expectedResult", "hasil yang diharapkan", 1000);
            Need(r.Location, "location", "lokasi", 300);
            Need(r.Beneficiaries, "beneficiaries", "penerima manfaat", 500);
            var funding = new List<FundingLine>();
            var fl = r.Funding ?? [];
            if (fl.Count == 0) f[$"rows[{i}].funding"] = [$"Isi rencana pembiayaan kegiatan ke-{i + 1}: pihak, sumber dan jumlah."];
            for (var j = 0; j < fl.Count && j < 10; j++)
            {
                var x = fl[j];
                if (x is null || string.IsNullOrWhiteSpace(x.Party)) { f[$"rows[{i}].funding[{j}].party"] = ["Isi pihak yang membiayai."]; continue; }
                if (string.IsNullOrWhiteSpace(x.Source)) f[$"rows[{i}].funding[{j}].source"] = ["Isi sumber pembiayaan (misalnya APBD)."];
                var amount = IndonesianFormat.ParseRupiah(x.Amount);
                if (!amount.Ok) f[$"rows[{i}].funding[{j}].amount"] = [(amount.Error as ValidationError)?.Fields?.Values.FirstOrDefault()?.FirstOrDefault() ?? "Jumlah tidak dapat dibaca sebagai rupiah."];
                else if (amount.Value is null) f[$"rows[{i}].funding[{j}].amount"] = ["Isi jumlah dalam rupiah, misalnya 250.000.000."];
                else if (x.Party.Trim().Length <= 200 && (x.Source?.Trim().Length ?? 0) <= 200)
                    funding.Add(new FundingLine(x.Party.Trim(), x.Source!.Trim(), amount.Value.Value));
                else f[$"rows[{i}].funding[{j}].party"] = ["Pihak dan sumber paling banyak 200 karakter."];
            }
            if (fl.Count > 10) f[$"rows[{i}].funding"] = ["Paling banyak 10 baris pembiayaan per kegiatan."];
            rows.Add(new PlanRow(r.Activity?.Trim() ?? "", r.Executor?.Trim() ?? "", r.Roles?.Trim() ?? "", r.ExpectedResult?.Trim() ?? "", r.Location?.Trim() ?? "",
                r.Beneficiaries?.Trim() ?? "", funding));
        }
        if (f.Count > 0) return new ValidationError("Rencana kegiatan tahunan belum dapat disimpan.", f);
        return rows;
    }

    private static ValidationError? YearProblem(Agreement a, int year, DateOnly today)
    {
        if (a.StartsOn is { } s && year < s.Year) return ValidationError.Of("year", $"Kerja sama dimulai tahun {s.Year}; rencana tahun {year} tidak diperlukan.");
        if (a.EndsOn is { } e && year > e.Year) return ValidationError.Of("year", $"Kerja sama berakhir tahun {e.Year}; rencana tahun {year} tidak diperlukan.");
        if (year > today.Year + 1 || year < 2000) return ValidationError.Of("year", $"Tahun {year} tidak dapat dipilih.");
        return null;
    }

    /// <summary>Saves the draft rows of a year's plan (a final plan is not changed).</summary>
    public static async Task<Result<PlanDuty>> SavePlanAsync(JalinDb db, CurrentActor actor, Guid agreementId, int year, PlanInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await LoadForOfficerAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var today = Wib.Today(clock);
        if (YearProblem(a, year, today) is { } yp) return yp;
        var rows = ReadRows(input);
        if (!rows.Ok) return rows.Error!;
        var p = await db.AnnualActivityPlans.FirstOrDefaultAsync(x => x.AgreementId == a.Id && x.Year == year, ct);
        if (p is { Status: PlanStatus.Final }) return new ConflictError($"Rencana kegiatan tahun {year} sudah final; tidak dapat diubah.");
        if (p is null) { p = new AnnualActivityPlan { AgreementId = a.Id, RegionCode = a.RegionCode, Year = year, Status = PlanStatus.Draft }; db.AnnualActivityPlans.Add(p); }
        p.Rows = rows.Value!;
        p.UpdatedBy = actor.FullName;
        p.UpdatedAt = clock.GetUtcNow();
        p.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await PlanAsync(db, a, year, today, ct);
    }

    private static async Task<PlanDuty> PlanAsync(JalinDb db, Agreement a, int year, DateOnly today, CancellationToken ct)
    {
        var day = await PlanJanuaryDayAsync(db, a.RegionCode, ct);
        var p = await db.AnnualActivityPlans.AsNoTracking().FirstAsync(x => x.AgreementId == a.Id && x.Year == year, ct);
        var due = ForeignDutyRules.PlanDueOn(a.StartsOn ?? new DateOnly(year, 1, 1), year, day);
        var state = ForeignDutyRules.PlanState(due, p.Status, today);
        return new PlanDuty(year, due, a.StartsOn?.Year == year, state, state.Label(), p.Status, p.Rows, p.Rows.Sum(r => r.Funding.Sum(f => f.Amount)), p.FileName,
            p.DocumentSource, p.FinalizedOn);
    }

    /// <summary>Makes the draft final: the document in the official form is generated from the rows (DOCX) and kept.</summary>
    public static async Task<Result<PlanDuty>> FinalizePlanAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, int year, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await LoadForOfficerAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var p = await db.AnnualActivityPlans.FirstOrDefaultAsync(x => x.AgreementId == a.Id && x.Year == year, ct);
        if (p is null || p.Rows.Count == 0) return ValidationError.Of("rows", $"Isi dan simpan kegiatan rencana tahun {year} sebelum menjadikannya final.");
        if (p.Status == PlanStatus.Final) return new ConflictError($"Rencana kegiatan tahun {year} sudah final.");
        var model = await PlanDocx.ModelAsync(db, a, p, ct);
        var bytes = PlanDocx.Write(model);
        var blob = await db.StoreAsync(files, bytes, FileSniffer.Docx, clock, ct);
        var today = Wib.Today(clock);
        p.Status = PlanStatus.Final;
        p.DocumentSource = PlanDocumentSource.Generated;
        (p.FileSha256, p.FileName, p.ContentType) = (blob.Sha256, $"rencana-kegiatan-tahunan-{year}.docx", blob.ContentType);
        p.FinalizedOn = today;
        p.FinalizedBy = actor.FullName;
        p.UpdatedAt = clock.GetUtcNow();
        p.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await PlanAsync(db, a, year, today, ct);
    }

    /// <summary>Uploads the signed scan of the year's plan (content-checked: PDF, DOCX, PNG or JPEG); the plan becomes final.</summary>
    public static async Task<Result<PlanDuty>> UploadPlanScanAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, int year, byte[]? content, string? fileName,
        TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await LoadForOfficerAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        var today = Wib.Today(clock);
        if (YearProblem(a, year, today) is { } yp) return yp;
        var stored = await Evidence.StoreAsync(db, files, actor, content, fileName, clock, ct);
        if (!stored.Ok) return stored.Error!;
        var s = stored.Value!;
        var p = await db.AnnualActivityPlans.FirstOrDefaultAsync(x => x.AgreementId == a.Id && x.Year == year, ct);
        if (p is null) { p = new AnnualActivityPlan { AgreementId = a.Id, RegionCode = a.RegionCode, Year = year }; db.AnnualActivityPlans.Add(p); }
        p.Status = PlanStatus.Final;
        p.DocumentSource = PlanDocumentSource.SignedScan;
        (p.FileSha256, p.FileName, p.ContentType) = (s.Sha256, s.Name, s.ContentType);
        p.FinalizedOn = today;
        p.FinalizedBy = actor.FullName;
        p.UpdatedBy = actor.FullName;
        p.UpdatedAt = clock.GetUtcNow();
        p.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await PlanAsync(db, a, year, today, ct);
    }

    public static async Task<Result<DownloadableFile>> PlanDocumentAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, int year, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var p = await db.AnnualActivityPlans.AsNoTracking().FirstOrDefaultAsync(x => x.AgreementId == agreementId && x.Year == year, ct);
        if (p?.FileSha256 is null) return new NotFoundError("Dokumen rencana kegiatan tahunan belum ada.");
        var bytes = await files.ReadAsync(p.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), p.FileName!, p.ContentType!);
    }

    /// <summary>Records the extension request letter (Permendagri 25/2020 Pasal 33) or that the region will not extend (with the reason).</summary>
    public static async Task<Result<ExtensionDuty>> RecordExtensionAsync(JalinDb db, CurrentActor actor, Guid agreementId, ExtensionInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await LoadForOfficerAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var a = loaded.Value!;
        if (a.EndsOn is not { } end) return new ConflictError("Kerja sama ini belum memiliki tanggal berakhir; batas permohonan perpanjangan belum dapat dihitung.");
        var today = Wib.Today(clock);
        var f = new Dictionary<string, string[]>();
        if (input.WillExtend is not { } will) f["willExtend"] = ["Pilih: mengajukan perpanjangan atau tidak memperpanjang."];
        else if (will)
        {
            if (Clean(input.LetterNumber) is not { } n) f["letterNumber"] = ["Isi nomor surat permohonan perpanjangan."];
            else if (n.Length > 100) f["letterNumber"] = ["Nomor surat paling banyak 100 karakter."];
            if (input.LetterDate is not { } ld) f["letterDate"] = ["Isi tanggal surat permohonan."];
            else if (ld > today) f["letterDate"] = ["Tanggal surat tidak boleh setelah hari ini."];
            if (Clean(input.AddressedTo) is not { } to) f["addressedTo"] = ["Isi tujuan surat (Menteri Dalam Negeri melalui Sekretaris Jenderal, Permendagri 25/2020 Pasal 33)."];
            else if (to.Length > 300) f["addressedTo"] = ["Tujuan surat paling banyak 300 karakter."];
            if (Clean(input.Copies) is { Length: > 500 }) f["copies"] = ["Tembusan paling banyak 500 karakter."];
        }
        else
        {
            if (Clean(input.Reason) is not { } r) f["reason"] = ["Tulis alasan daerah tidak memperpanjang kerja sama."];
            else if (r.Length > 2000) f["reason"] = ["Alasan paling banyak 2000 karakter."];
        }
        if (f.Count > 0) return new ValidationError("Keputusan perpanjangan belum dapat disimpan.", f);
        var d = await db.ExtensionDecisions.FirstOrDefaultAsync(x => x.AgreementId == a.Id, ct);
        if (d is null) { d = new ExtensionDecision { AgreementId = a.Id, RegionCode = a.RegionCode }; db.ExtensionDecisions.Add(d); }
        d.Deadline = ForeignDutyRules.ExtensionDeadline(end);
        d.WillExtend = input.WillExtend!.Value;
        d.LetterNumber = d.WillExtend ? Clean(input.LetterNumber) : null;
        d.LetterDate = d.WillExtend ? input.LetterDate : null;
        d.AddressedTo = d.WillExtend ? Clean(input.AddressedTo) : null;
        d.Copies = d.WillExtend ? Clean(input.Copies) : null;
        d.Reason = d.WillExtend ? Clean(input.Reason) : Clean(input.Reason);
        d.RecordedBy = actor.FullName;
        d.RecordedAt = clock.GetUtcNow();
        d.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        var card = await CardAsync(db, actor, a.Id, clock, ct);
        return card.Value!.Extension!;
    }

    /// <summary>Attaches the extension request letter (content-checked) to the recorded decision.</summary>
    public static async Task<Result<ExtensionDuty>> UploadExtensionLetterAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, byte[]? content, string? fileName,
        TimeProvider clock, CancellationToken ct = default)
    {
        var loaded = await LoadForOfficerAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var d = await db.ExtensionDecisions.FirstOrDefaultAsync(x => x.AgreementId == agreementId, ct);
        if (d is null || !d.WillExtend) return new ConflictError("Catat dahulu surat permohonan perpanjangan (nomor, tanggal, tujuan), lalu lampirkan berkasnya.");
        var stored = await Evidence.StoreAsync(db, files, actor, content, fileName, clock, ct);
        if (!stored.Ok) return stored.Error!;
        (d.FileSha256, d.FileName, d.ContentType) = (stored.Value!.Sha256, stored.Value.Name, stored.Value.ContentType);
        d.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return (await CardAsync(db, actor, agreementId, clock, ct)).Value!.Extension!;
    }

    public static async Task<Result<DownloadableFile>> ExtensionLetterAsync(JalinDb db, FileStore files, CurrentActor actor, Guid agreementId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(db, actor, agreementId, ct);
        if (!loaded.Ok) return loaded.Error!;
        var d = await db.ExtensionDecisions.AsNoTracking().FirstOrDefaultAsync(x => x.AgreementId == agreementId, ct);
        if (d?.FileSha256 is null) return new NotFoundError("Surat permohonan perpanjangan belum dilampirkan.");
        var bytes = await files.ReadAsync(d.FileSha256, ct);
        if (!bytes.Ok) return bytes.Error!;
        return new DownloadableFile(new MemoryStream(bytes.Value!, writable: false), d.FileName!, d.ContentType!);
    }

    /// <summary>The missed duties of the actor's region (dashboard flags): yearly plans not final by their due date and
    /// extension deadlines passed without a request or a decision not to extend.</summary>
    public static async Task<IReadOnlyList<ForeignDutyFlag>> FlagsAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || actor.Role is not (Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.Auditor)) return [];
        var today = Wib.Today(clock);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.RegionCode == region && a.Stage == Stage.Implementation
            && (a.Kind == CooperationKind.Ksdpl || a.Kind == CooperationKind.Ksdll)).Select(a => new { a.Id, a.Title, a.StartsOn, a.EndsOn }).ToListAsync(ct);
        if (agreements.Count == 0) return [];
        var ids = agreements.Select(a => a.Id).ToList();
        var finals = await db.AnnualActivityPlans.AsNoTracking().Where(p => ids.Contains(p.AgreementId) && p.Status == PlanStatus.Final).Select(p => new { p.AgreementId, p.Year }).ToListAsync(ct);
        var decided = (await db.ExtensionDecisions.AsNoTracking().Where(d => ids.Contains(d.AgreementId)).Select(d => d.AgreementId).ToListAsync(ct)).ToHashSet();
        var day = await PlanJanuaryDayAsync(db, region, ct);
        var flags = new List<ForeignDutyFlag>();
        foreach (var a in agreements)
        {
            foreach (var y in ForeignDutyRules.PlanYears(a.StartsOn, a.EndsOn, today))
            {
                var due = ForeignDutyRules.PlanDueOn(a.StartsOn!.Value, y, day);
                if (ForeignDutyRules.PlanState(due, finals.Any(f => f.AgreementId == a.Id && f.Year == y) ? PlanStatus.Final : null, today) == DutyState.Missed)
                    flags.Add(new ForeignDutyFlag(a.Id, a.Title, $"rencana kegiatan tahun {y} belum final (batas {IndonesianFormat.FormatDateLong(due)}, pengaturan daerah; Permendagri 25/2020 Pasal 26)"));
            }
            if (a.EndsOn is { } end && ForeignDutyRules.ExtensionState(ForeignDutyRules.ExtensionDeadline(end), decided.Contains(a.Id), today) == DutyState.Missed)
                flags.Add(new ForeignDutyFlag(a.Id, a.Title, $"batas permohonan perpanjangan {IndonesianFormat.FormatDateLong(ForeignDutyRules.ExtensionDeadline(end))} terlewati tanpa surat permohonan atau keputusan tidak memperpanjang (Permendagri 25/2020 Pasal 33)"));
        }
        return flags;
    }
}
