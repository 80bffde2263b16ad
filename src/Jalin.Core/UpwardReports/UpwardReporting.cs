using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Notifications;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.UpwardReports;

public sealed record UpwardGenerateInput(int? Year);

public sealed record UpwardSendInput(string? LetterNumber, DateOnly? SentOn);

public sealed record UpwardReportVersion(Guid Id, string RegionCode, string RegionName, int Year, int Number, UpwardReportStatus Status, string StatusLabel,
    string Recipient, DateOnly GeneratedOn, string? LetterNumber, DateOnly? SentOn, string? SentBy, bool HasPdf, UpwardFigures Figures, string CreatedBy);

/// <summary>The region page: the figures computed now for the chosen year (not for the DPRD secretariat, which reads the sent
/// versions only), the stored versions, and what the actor may do.</summary>
public sealed record UpwardReportPreview(int Year, UpwardReportData? Data, IReadOnlyList<UpwardReportVersion> Versions, bool CanManage);

/// <summary>One region of a supervisor's recap: sent or not, on time or late, and its figures (the sent snapshot's, or
/// computed from Jalin's data while nothing is sent).</summary>
public sealed record UpwardRecapRow(string RegionCode, string RegionName, DateOnly Deadline, bool Sent, Guid? ReportId, DateOnly? SentOn, string? LetterNumber,
    bool? OnTime, bool Overdue, string Timeliness, bool FromSnapshot, UpwardFigures Figures);

public sealed record UpwardRecap(int Year, string Scope, IReadOnlyList<UpwardRecapRow> Rows, int Sent, int OnTime, int Late, int NotSent,
    UpwardFigures SentTotals, UpwardFigures AllTotals);

/// <summary>The annual report a region owes upward (issue #11 item 7): a kab/kota to its Governor, a province to the Minister
/// of Home Affairs. KSDPL/KSDLL: Permendagri 25/2020 Pasal 35–37 (PP 28/2018 Pasal 43 ayat (1)); KSDD, KSDPK and Sinergi:
/// no national format, the report serves the Governor's or the Minister's pembinaan dan pengawasan (PP 28/2018 Pasal 44).
/// Generated and sent by the region's Bagian Kerja Sama officers; read inside the region (officers, TKKSD members, leaders,
/// auditors; the DPRD secretariat reads sent versions); a sent version is read by its supervisor (the Governor's office for
/// a kab/kota of its province, Kemendagri for every region).</summary>
public static class UpwardReporting
{
    public const string Subject = "UpwardReport";
    public const int FirstYear = 2018;
    private static readonly NotFoundError NotFound = new("Laporan tahunan tidak ditemukan.");
    private static readonly ForbiddenError NotOfficer = new("Laporan tahunan dibuat dan dikirim petugas Bagian Kerja Sama daerah.");
    private static readonly ForbiddenError NotReader = new("Laporan tahunan daerah dibaca Bagian Kerja Sama, TKKSD, pimpinan, auditor dan Sekretariat DPRD daerah itu.");
    private static readonly ForbiddenError NotSupervisor = new("Rekap laporan tahunan hanya untuk pembina: gubernur atas kabupaten/kota di provinsinya, Kemendagri atas provinsi.");

    public static bool IsOfficer(CurrentActor a, string region) => a.Role == Role.CooperationOfficer && a.RegionCode == region;

    private static bool IsInsider(CurrentActor a, string region) =>
        a.RegionCode == region && a.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader or Role.Auditor;

    /// <summary>Whether the actor reads this version: insiders every version, the DPRD secretariat and the supervisors only sent ones.</summary>
    public static bool Reads(CurrentActor a, UpwardReport r) =>
        a.Role == Role.System || IsInsider(a, r.RegionCode)
        || (r.Status == UpwardReportStatus.Sent && (
            (a.Role == Role.DprdViewer && a.RegionCode == r.RegionCode)
            || a.Role == Role.SupervisorNational
            || (a.Role == Role.SupervisorProvince && a.RegionCode is { } p && r.RegionCode.StartsWith(p + "."))));

    private static Result<int> ValidYear(int? year, DateOnly today) =>
        year is { } y && y >= FirstYear && y <= today.Year ? y
            : ValidationError.Of("year", $"Tahun laporan {FirstYear} sampai {today.Year}.");

    /// <summary>The region page: figures for the year and the stored versions.</summary>
    public static async Task<Result<UpwardReportPreview>> PreviewAsync(JalinDb db, CurrentActor actor, int? year, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !(IsInsider(actor, region) || actor.Role == Role.DprdViewer)) return NotReader;
        var today = Wib.Today(clock);
        var y = ValidYear(year ?? today.Year - 1, today);
        if (!y.Ok) return y.Error!;
        var versions = await VersionsAsync(db, actor, region, y.Value, ct);
        // The DPRD secretariat reads what was sent, not the region's working figures.
        var data = actor.Role == Role.DprdViewer ? null : await UpwardReportBuilder.BuildAsync(db, region, y.Value, today, ct);
        return new UpwardReportPreview(y.Value, data, versions, IsOfficer(actor, region));
    }

    /// <summary>The versions of a region's report the actor reads, newest first (one year, or every year).</summary>
    public static async Task<List<UpwardReportVersion>> VersionsAsync(JalinDb db, CurrentActor actor, string region, int? year, CancellationToken ct = default)
    {
        var rows = await db.UpwardReports.AsNoTracking().Where(r => r.RegionCode == region && (year == null || r.Year == year))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ToListAsync(ct);
        var name = (await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct))?.FullName ?? region;
        return rows.Where(r => Reads(actor, r)).Select(r => View(r, name)).ToList();
    }

    private static UpwardReportVersion View(UpwardReport r, string regionName) => new(r.Id, r.RegionCode, regionName, r.Year, r.Number, r.Status, r.Status.Label(),
        r.Recipient, r.GeneratedOn, r.LetterNumber, r.SentOn, r.SentBy, r.PdfSha256 is not null, UpwardFigures.FromJson(r.FiguresJson), r.CreatedBy);

    /// <summary>The API list: the actor's own region's versions, or for a supervisor the sent versions it reads.</summary>
    public static async Task<Result<IReadOnlyList<UpwardReportVersion>>> ListAsync(JalinDb db, CurrentActor actor, int? year, CancellationToken ct = default)
    {
        if (actor.Role is Role.SupervisorNational or Role.SupervisorProvince)
        {
            var prefix = actor.RegionCode + ".";
            var q = db.UpwardReports.AsNoTracking().Where(r => r.Status == UpwardReportStatus.Sent && (year == null || r.Year == year));
            if (actor.Role == Role.SupervisorProvince) q = q.Where(r => r.RegionCode.StartsWith(prefix));
            var rows = await q.OrderBy(r => r.RegionCode).ThenByDescending(r => r.Year).ThenByDescending(r => r.Number).ToListAsync(ct);
            var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
            var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.FullName, ct);
            return rows.Where(r => Reads(actor, r)).Select(r => View(r, names.GetValueOrDefault(r.RegionCode, r.RegionCode))).ToList();
        }
        if (actor.RegionCode is not { } region || !(IsInsider(actor, region) || actor.Role == Role.DprdViewer)) return NotReader;
        return await VersionsAsync(db, actor, region, year, ct);
    }

    private static async Task<(UpwardReportData Data, byte[] Xlsx, byte[] Docx, byte[]? Pdf)> SnapshotAsync(JalinDb db, string region, int year, DateOnly today,
        PdfConverter? pdf, string user, CancellationToken ct)
    {
        var data = await UpwardReportBuilder.BuildAsync(db, region, year, today, ct);
        var docx = UpwardReportExport.Docx(data);
        byte[]? pdfBytes = null;
        if (pdf is not null)
        {
            var converted = await pdf.ConvertDocxAsync(docx, user, ct);
            if (converted.Ok) pdfBytes = converted.Value;
        }
        return (data, UpwardReportExport.Xlsx(data).Content, docx, pdfBytes);
    }

    private static async Task StoreAsync(UpwardReport row, (UpwardReportData Data, byte[] Xlsx, byte[] Docx, byte[]? Pdf) snap, FileStore files, CancellationToken ct)
    {
        row.XlsxSha256 = (await files.SaveAsync(snap.Xlsx, new FileKind("XLSX", MappingExport.XlsxType, ".xlsx"), ct)).Sha256;
        row.DocxSha256 = (await files.SaveAsync(snap.Docx, FileSniffer.Docx, ct)).Sha256;
        row.PdfSha256 = snap.Pdf is { } p ? (await files.SaveAsync(p, FileSniffer.Pdf, ct)).Sha256 : null;
        row.FiguresJson = snap.Data.Figures.ToJson();
        row.Recipient = snap.Data.Recipient;
        row.GeneratedOn = snap.Data.GeneratedOn;
    }

    /// <summary>Generates the year's report and stores its snapshot: replaces the current draft, or after a sent version
    /// starts a new version (the sent one is kept as sent).</summary>
    public static async Task<Result<UpwardReportVersion>> GenerateAsync(JalinDb db, FileStore files, PdfConverter? pdf, CurrentActor actor, UpwardGenerateInput input,
        TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !IsOfficer(actor, region)) return NotOfficer;
        var today = Wib.Today(clock);
        var y = ValidYear(input.Year, today);
        if (!y.Ok) return y.Error!;
        // A draft keeps XLSX and DOCX; its PDF is rendered when downloaded (LibreOffice takes seconds). The sent version stores its PDF.
        var snap = await SnapshotAsync(db, region, y.Value, today, null, actor.UserName, ct);
        var latest = await db.UpwardReports.Where(r => r.RegionCode == region && r.Year == y.Value).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        UpwardReport row;
        if (latest is { Status: UpwardReportStatus.Draft })
        {
            row = latest;
            row.UpdatedAt = now;
            row.Version++;
        }
        else
        {
            row = new UpwardReport
            {
                RegionCode = region, Year = y.Value, Number = (latest?.Number ?? 0) + 1, Status = UpwardReportStatus.Draft, Recipient = "", FiguresJson = "{}",
                XlsxSha256 = "", DocxSha256 = "", CreatedBy = actor.UserName, CreatedAt = now, UpdatedAt = now,
            };
            db.UpwardReports.Add(row);
        }
        await StoreAsync(row, snap, files, ct);
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return View(row, snap.Data.RegionName);
    }

    /// <summary>Records that the draft version was sent (letter number and date required): its snapshot is refreshed from
    /// the data and frozen, and the supervisors are notified (the Governor's office for a kab/kota, Kemendagri for a province).</summary>
    public static async Task<Result<UpwardReportVersion>> SendAsync(JalinDb db, FileStore files, PdfConverter? pdf, CurrentActor actor, Guid id, UpwardSendInput input,
        TimeProvider clock, CancellationToken ct = default)
    {
        var row = await db.UpwardReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null || !Reads(actor, row)) return NotFound;
        if (!IsOfficer(actor, row.RegionCode)) return NotOfficer;
        if (row.Status == UpwardReportStatus.Sent)
            return new ConflictError($"Versi {row.Number} sudah dikirim pada {IndonesianFormat.FormatDateLong(row.SentOn!.Value)}; buat versi baru bila laporan perlu diperbarui.");
        var today = Wib.Today(clock);
        var f = new Dictionary<string, string[]>();
        var letter = input.LetterNumber?.Trim();
        if (string.IsNullOrEmpty(letter)) f["letterNumber"] = ["Nomor surat pengantar wajib diisi."];
        else if (letter.Length > 100) f["letterNumber"] = ["Nomor surat paling panjang 100 karakter."];
        if (input.SentOn is not { } sentOn) f["sentOn"] = ["Tanggal surat dikirim wajib diisi."];
        else if (sentOn > today) f["sentOn"] = ["Tanggal kirim tidak boleh setelah hari ini."];
        else if (sentOn < new DateOnly(row.Year, 1, 1)) f["sentOn"] = [$"Tanggal kirim tidak boleh sebelum tahun laporan {row.Year}."];
        if (f.Count > 0) return new ValidationError("Data pengiriman laporan belum benar.", f);
        var snap = await SnapshotAsync(db, row.RegionCode, row.Year, today, pdf, actor.UserName, ct);
        await StoreAsync(row, snap, files, ct);
        row.Status = UpwardReportStatus.Sent;
        row.LetterNumber = letter;
        row.SentOn = input.SentOn;
        row.SentBy = actor.FullName;
        row.SentAt = clock.GetUtcNow();
        row.UpdatedAt = clock.GetUtcNow();
        row.Version++;
        try
        {
            await db.ActingAs(actor).SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Laporan ini baru saja diubah pengguna lain; muat ulang halaman lalu kirim lagi.");
        }
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == row.RegionCode, ct);
        var to = region.Level == RegionLevel.Province
            ? new Recipients([new Recipients.Rule(Role: Role.SupervisorNational)])
            : Recipients.RoleIn(region.ProvinceCode!, Role.SupervisorProvince);
        await Notify.SendAsync(db, actor, new NotificationMessage(NotificationKind.DocumentAttached,
            $"Laporan kerja sama daerah tahun {row.Year}: {region.FullName}",
            $"{region.FullName} mengirim laporan pelaksanaan kerja sama daerah tahun {row.Year} dengan surat nomor {row.LetterNumber} tanggal {IndonesianFormat.FormatDateLong(row.SentOn!.Value)}.",
            $"/app/laporan-tahunan/rekap?tahun={row.Year}", Subject, row.Id.ToString(), $"laporan-tahunan:{row.Id}"), to, clock, r => Reads(r, row), ct);
        return View(row, region.FullName);
    }

    /// <summary>A stored version's file: xlsx, pdf (rendered from the stored DOCX when no PDF was stored) or docx.</summary>
    public static async Task<Result<ExportedFile>> DownloadAsync(JalinDb db, FileStore files, PdfConverter pdf, CurrentActor actor, Guid id, string format, CancellationToken ct = default)
    {
        if (format is not ("xlsx" or "pdf" or "docx")) return new NotFoundError("Format tidak dikenal: pilih xlsx, pdf atau docx.");
        var row = await db.UpwardReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null || !Reads(actor, row)) return NotFound;
        var name = $"laporan-kerja-sama-{row.RegionCode}-{row.Year}-v{row.Number}";
        if (format == "xlsx")
        {
            var x = await files.ReadAsync(row.XlsxSha256, ct);
            return x.Ok ? new ExportedFile(x.Value!, MappingExport.XlsxType, name + ".xlsx") : x.Error!;
        }
        if (format == "pdf" && row.PdfSha256 is { } sha)
        {
            var p = await files.ReadAsync(sha, ct);
            return p.Ok ? new ExportedFile(p.Value!, "application/pdf", name + ".pdf") : p.Error!;
        }
        var docx = await files.ReadAsync(row.DocxSha256, ct);
        if (!docx.Ok) return docx.Error!;
        if (format == "docx") return new ExportedFile(docx.Value!, FileSniffer.Docx.ContentType, name + ".docx");
        var converted = await pdf.ConvertDocxAsync(docx.Value!, actor.UserName, ct);
        return converted.Ok ? new ExportedFile(converted.Value!, "application/pdf", name + ".pdf") : converted.Error!;
    }

    /// <summary>The supervisor's recap of a year: the Governor's office (SupervisorProvince) over the kab/kota of its province,
    /// Kemendagri (SupervisorNational) over the provinces. Each region: sent or not, on time or late against its deadline,
    /// and its figures; the totals over the sent reports and over all regions.</summary>
    public static async Task<Result<UpwardRecap>> RecapAsync(JalinDb db, CurrentActor actor, int? year, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role is not (Role.SupervisorProvince or Role.SupervisorNational) || (actor.Role == Role.SupervisorProvince && actor.RegionCode is null)) return NotSupervisor;
        var today = Wib.Today(clock);
        var y = ValidYear(year ?? today.Year - 1, today);
        if (!y.Ok) return y.Error!;
        List<Region> regions;
        string scope;
        if (actor.Role == Role.SupervisorProvince)
        {
            regions = await db.Regions.AsNoTracking().Where(r => r.ProvinceCode == actor.RegionCode && r.Level != RegionLevel.Province && r.IsAutonomous).ToListAsync(ct);
            scope = "Kabupaten/kota di " + ((await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == actor.RegionCode, ct))?.FullName ?? actor.RegionCode);
        }
        else
        {
            regions = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Province).ToListAsync(ct);
            scope = "Provinsi seluruh Indonesia";
        }
        regions = regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var codes = regions.Select(r => r.Code).ToList();
        var sent = (await db.UpwardReports.AsNoTracking().Where(r => codes.Contains(r.RegionCode) && r.Year == y.Value && r.Status == UpwardReportStatus.Sent).ToListAsync(ct))
            .GroupBy(r => r.RegionCode).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Number).First());
        var rows = new List<UpwardRecapRow>();
        foreach (var region in regions)
        {
            var report = sent.GetValueOrDefault(region.Code);
            UpwardFigures figures;
            DateOnly deadline;
            if (report is not null)
            {
                figures = UpwardFigures.FromJson(report.FiguresJson);
                deadline = UpwardReportBuilder.DeadlineOf(region.Level == RegionLevel.Province, figures.Foreign > 0, y.Value,
                    await Reminders.ReminderSettings.ForRegionAsync(db, region.Code, ct)).Deadline;
            }
            else
            {
                var data = await UpwardReportBuilder.BuildAsync(db, region.Code, y.Value, today, ct);
                figures = data.Figures;
                deadline = data.Deadline;
            }
            bool? onTime = report?.SentOn is { } s ? s <= deadline : null;
            var overdue = report is null && today > deadline;
            var text = report is null ? (overdue ? "Belum dikirim, lewat batas" : "Belum dikirim")
                : onTime == true ? "Tepat waktu" : "Terlambat";
            rows.Add(new UpwardRecapRow(region.Code, region.FullName, deadline, report is not null, report?.Id, report?.SentOn, report?.LetterNumber,
                onTime, overdue, text, report is not null, figures));
        }
        return new UpwardRecap(y.Value, scope, rows, rows.Count(r => r.Sent), rows.Count(r => r.OnTime == true), rows.Count(r => r.OnTime == false),
            rows.Count(r => !r.Sent), UpwardFigures.Sum(rows.Where(r => r.Sent).Select(r => r.Figures)), UpwardFigures.Sum(rows.Select(r => r.Figures)));
    }
}
