using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

/// <summary>A draft that may not leave drafting yet: the required muatan still missing.</summary>
public sealed record IncompleteError(string Message, IReadOnlyList<string> Missing) : Error("belum_lengkap", Message);

public sealed record FinalizeDraftRequest
{
    /// <summary>The version the officer reviewed; must be the latest.</summary>
    public int? Version { get; init; }
}

public sealed record FinalizedDraft(DraftDetails Draft, Guid DocumentId, string VerificationCode, string Sha256, string FileName, string? Warning);

/// <summary>The region's document numbering (ISSUE #3 §3): a pattern the officer sets, with a
/// sequence per region and year that Jalin keeps.</summary>
public static partial class DocumentNumbering
{
    public const string SettingKey = "drafting.numberPattern";
    public const string DefaultPattern = "{urut}/KS/{tahun}";

    public static IReadOnlyList<(string Token, string Meaning)> Tokens { get; } =
    [
        ("{urut}", "nomor urut tahunan daerah (1, 2, 3 ...)"),
        ("{urut3}", "nomor urut tiga digit (001, 002 ...)"),
        ("{tahun}", "tahun (2026)"),
        ("{bulan}", "bulan dua digit (11)"),
        ("{bulan_romawi}", "bulan dalam angka Romawi (XI)"),
        ("{kode}", "kode wilayah daerah (32.77)"),
        ("{jenis}", "singkatan jenis naskah (KB, PKS, NK, LOI, RKS, NKLN, ADD, SP, SK, ...)"),
    ];

    [GeneratedRegex(@"\{[a-z_0-9]+\}")]
    private static partial Regex TokenPattern();

    /// <summary>Null when the pattern is usable; otherwise what is wrong, in Indonesian.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "Pola nomor wajib diisi.";
        if (pattern.Length > 100) return "Pola nomor paling banyak 100 karakter.";
        if (!pattern.Contains("{urut}") && !pattern.Contains("{urut3}")) return "Pola nomor harus memuat {urut} atau {urut3} agar setiap nomor berbeda.";
        var unknown = TokenPattern().Matches(pattern).Select(m => m.Value).Where(t => Tokens.All(k => k.Token != t)).Distinct().ToList();
        return unknown.Count > 0 ? $"Unsur pola tidak dikenal: {string.Join(", ", unknown)}." : null;
    }

    public static string Format(string pattern, int sequence, DateOnly date, string regionCode, DocumentKind form) => pattern
        .Replace("{urut3}", sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{urut}", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{tahun}", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{bulan_romawi}", RomanMonth(date.Month))
        .Replace("{bulan}", date.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{kode}", regionCode)
        .Replace("{jenis}", Abbreviation(form));

    private static string RomanMonth(int m) => m switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X", 11 => "XI", _ => "XII",
    };

    public static string Abbreviation(DocumentKind form) => form switch
    {
        DocumentKind.KesepakatanBersama => "KB",
        DocumentKind.PerjanjianKerjaSama => "PKS",
        DocumentKind.Addendum => "ADD",
        DocumentKind.NotaKesepakatan => "NK",
        DocumentKind.PernyataanKehendak => "LOI",
        DocumentKind.RencanaKerjaSama => "RKS",
        DocumentKind.NaskahLuarNegeri => "NKLN",
        DocumentKind.OfferLetter => "SP",
        DocumentKind.DprdRequest => "DPRD",
        DocumentKind.PowerOfAttorney => "SK",
        DocumentKind.TermsOfReference => "KAK",
        DocumentKind.FeasibilityStudy => "FS",
        _ => "DOK",
    };

    public static async Task<string> PatternAsync(JalinDb db, string regionCode, CancellationToken ct) =>
        await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct)
        ?? DefaultPattern;
}

public sealed record DraftingSettingsView(string NumberPattern, bool IsRegionValue, string Example, IReadOnlyList<string> Tokens, bool PdfAvailable, bool CanEdit,
    IReadOnlyList<string> ParafOrder, bool ParafOrderIsRegionValue, string Font, int FontSize, bool FontIsRegionValue, IReadOnlyList<string> Fonts);

public sealed record DraftingSettingsInput
{
    public string? NumberPattern { get; init; }
    /// <summary>The region's internal paraf chain, first to last (empty: Jalin's default).</summary>
    public List<string>? ParafOrder { get; init; }
    /// <summary>The typeface of the region's documents (one of <see cref="DocumentFont.Families"/>); "" returns to Jalin's default.</summary>
    public string? Font { get; init; }
    /// <summary>Its size in points (10 to 14); taken with <see cref="Font"/>.</summary>
    public int? FontSize { get; init; }
}

public static class DraftingSettings
{
    public static async Task<Result<DraftingSettingsView>> GetAsync(JalinDb db, PdfConverter pdf, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is null || actor.Role is Role.PartnerUser or Role.SystemAdmin)
            return new ForbiddenError("Pengaturan penyusunan naskah milik daerah; peran Anda tidak memilikinya.");
        var value = await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == actor.RegionCode && s.Key == DocumentNumbering.SettingKey)
            .Select(s => s.Value).FirstOrDefaultAsync(ct);
        var pattern = value ?? DocumentNumbering.DefaultPattern;
        var paraf = await db.RegionSettings.AsNoTracking().AnyAsync(s => s.RegionCode == actor.RegionCode && s.Key == Signing.ParafOrderSetting, ct);
        var (font, fontIsRegion) = await DocumentFont.ForRegionAsync(db, actor.RegionCode, ct);
        return new DraftingSettingsView(pattern, value is not null,
            DocumentNumbering.Format(pattern, 7, Wib.Today(clock), actor.RegionCode, DocumentKind.PerjanjianKerjaSama),
            DocumentNumbering.Tokens.Select(t => $"{t.Token}: {t.Meaning}").ToList(), pdf.IsAvailable, actor.Role == Role.CooperationOfficer,
            await Signing.ParafOrderAsync(db, actor.RegionCode, ct), paraf, font.Family, font.Size, fontIsRegion, DocumentFont.Families);
    }

    public static async Task<Result<DraftingSettingsView>> SetAsync(JalinDb db, PdfConverter pdf, CurrentActor actor, DraftingSettingsInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengatur pola nomor naskah daerahnya.");
        var fields = new Dictionary<string, string[]>();
        if (input.NumberPattern is not null && DocumentNumbering.Problem(input.NumberPattern) is { } problem) fields["numberPattern"] = [problem];
        var paraf = input.ParafOrder?.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0).ToList();
        if (paraf is not null)
        {
            if (paraf.Count > 10) fields["parafOrder"] = ["Paling banyak 10 pejabat yang memaraf."];
            else if (paraf.Any(p => p.Length > 150 || p.Contains(';'))) fields["parafOrder"] = ["Setiap jabatan paling banyak 150 karakter, tanpa tanda titik koma."];
            else if (paraf.Distinct(StringComparer.OrdinalIgnoreCase).Count() != paraf.Count) fields["parafOrder"] = ["Jabatan yang sama tercantum dua kali."];
        }
        DocumentFont? font = null;
        var resetFont = input.Font is { } f0 && f0.Trim().Length == 0;
        if (input.Font is not null && !resetFont)
        {
            var family = DocumentFont.Canonical(input.Font);
            if (family is null) fields["font"] = [$"Huruf tidak tersedia. Pilih salah satu: {string.Join(", ", DocumentFont.Families)}."];
            if (input.FontSize is not { } size || size < DocumentFont.MinSize || size > DocumentFont.MaxSize)
                fields["fontSize"] = [$"Ukuran huruf harus dari {DocumentFont.MinSize} sampai {DocumentFont.MaxSize} pt."];
            else if (family is not null) font = new DocumentFont(family, size);
        }
        else if (input.FontSize is not null && !resetFont) fields["font"] = ["Pilih huruf bersama ukurannya."];
        if (input.NumberPattern is null && input.ParafOrder is null && input.Font is null && input.FontSize is null)
            fields["numberPattern"] = ["Isi pola nomor, urutan paraf atau huruf naskah yang diubah."];
        if (fields.Count > 0) return new ValidationError("Pengaturan belum dapat disimpan.", fields);
        if (font is not null) await RegionSettingRows.UpsertAsync(db, actor.RegionCode, DocumentFont.SettingKey, font.ToSetting(), ct);
        if (resetFont) db.RegionSettings.RemoveRange(await db.RegionSettings.Where(s => s.RegionCode == actor.RegionCode && s.Key == DocumentFont.SettingKey).ToListAsync(ct));
        if (input.NumberPattern is not null) await RegionSettingRows.UpsertAsync(db, actor.RegionCode, DocumentNumbering.SettingKey, input.NumberPattern.Trim(), ct);
        if (paraf is not null)
        {
            if (paraf.Count == 0)
                db.RegionSettings.RemoveRange(await db.RegionSettings.Where(s => s.RegionCode == actor.RegionCode && s.Key == Signing.ParafOrderSetting).ToListAsync(ct));
            else await RegionSettingRows.UpsertAsync(db, actor.RegionCode, Signing.ParafOrderSetting, string.Join(";", paraf), ct);
        }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, pdf, actor, clock, ct);
    }

}

/// <summary>Issues the final of a draft (ISSUE #3 §5, §8): checks the muatan (or the leader's
/// override), gives the region's next number, writes the DOCX with the verification code and QR
/// in its footer, converts it to PDF when LibreOffice is there, files it as the agreement's
/// document of that form (what the lifecycle's "finalize" asks) and records the public
/// verification entry, all in one save.</summary>
public static class FinalizeDraft
{
    public static async Task<Result<FinalizedDraft>> HandleAsync(JalinDb db, FileStore files, PdfConverter pdf, CurrentActor actor, Guid agreementId, Guid draftId,
        FinalizeDraftRequest request, string verifyBaseUrl, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var a = await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking: true, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var d = await db.Drafts.FirstOrDefaultAsync(x => x.Id == draftId && x.AgreementId == a.Id, ct);
        if (d is null || !DraftAccess.CanSee(actor, a, d.Form)) return new NotFoundError("Rancangan tidak ditemukan.");
        if (!AgreementAccess.CanManage(actor, a)) return new ForbiddenError("Naskah final diterbitkan oleh petugas Bagian Kerja Sama daerah pemilik.");
        if (request.Version is null) return ValidationError.Of("version", "Sebutkan versi yang diterbitkan (versi terakhir).");
        if (a.IsEnded) return new ConflictError("Kerja sama telah berakhir.");
        if (d.Status != DraftStatus.Open) return new ConflictError("Naskah final rancangan ini sudah diterbitkan.");
        if (request.Version != d.LatestVersion)
            return new ConflictError($"Hanya versi terakhir (versi {d.LatestVersion}) yang dapat diterbitkan. Periksa versi itu lalu ulangi.");

        var version = await db.DraftVersions.AsNoTracking().FirstAsync(v => v.DraftId == d.Id && v.Number == d.LatestVersion, ct);
        var (affair, levels) = await DraftCompliance.FactsAsync(db, a, ct);
        var items = DraftCompliance.Check(a, d.Form, d.Layout, version.Clauses, affair, levels);
        if (!DraftCompliance.IsReady(d, items))
        {
            var missing = items.Where(i => i.Required && !i.Met).Select(i => i.Label).ToList();
            return new IncompleteError($"Naskah belum memenuhi muatan wajib: {string.Join("; ", missing)}. Lengkapi rancangan, atau minta pimpinan mengecualikannya dengan alasan tercatat.",
                missing);
        }

        var today = Wib.Today(clock);
        var pattern = await DocumentNumbering.PatternAsync(db, a.RegionCode, ct);
        var sequence = 1 + (await db.Drafts.Where(x => x.RegionCode == a.RegionCode && x.NumberYear == today.Year).MaxAsync(x => x.NumberSequence, ct) ?? 0);
        var number = DocumentNumbering.Format(pattern, sequence, today, a.RegionCode, d.Form);
        var template = DefaultTemplates.Find(d.TemplateCode)!;

        var code = VerificationMark.NewCode();
        var url = verifyBaseUrl.TrimEnd('/') + "/verifikasi/" + code;
        var render = await DraftRenders.ForAsync(db, files, template, a, version.Clauses, version.Place, number, null, today, ct);
        var docx = VerificationMark.Stamp(DraftDocx.Write(render), code, url);
        string? warning = null;
        byte[] content = docx;
        var kind = FileSniffer.Docx;
        if (pdf.IsAvailable)
        {
            var converted = await pdf.ConvertDocxAsync(docx, actor.UserName, ct);
            // A busy queue is not a failure of LibreOffice: the officer retries rather than issuing a DOCX.
            if (converted.Error is TooManyRequestsError) return converted.Error;
            if (converted.Ok) { content = converted.Value!; kind = FileSniffer.Pdf; }
            else warning = converted.Error!.Message + " Naskah final disimpan sebagai DOCX.";
        }
        else warning = PdfConverter.NotInstalledMessage + " Naskah final disimpan sebagai DOCX.";

        var blob = await db.StoreAsync(files, content, kind, clock, ct);
        var parent = d.Form == DocumentKind.PerjanjianKerjaSama
            ? a.RecordDocuments().Where(x => x.Kind == DocumentKind.KesepakatanBersama).OrderBy(x => x.CreatedAt).LastOrDefault()?.Id
            : null;
        var fileName = $"{DocumentNumbering.Abbreviation(d.Form)}-{Slug(a.Title)}{blob.Extension}";
        var document = new AgreementDocument
        {
            AgreementId = a.Id, Kind = d.Form, Title = $"{d.Form.Label()} — naskah final (Jalin)", ParentDocumentId = parent, Stage = a.Stage, Number = number,
            Visibility = d.Form.IsNaskah() ? DocumentVisibility.Shared : DocumentVisibility.Internal, FileSha256 = blob.Sha256, FileName = fileName,
            ContentType = blob.ContentType, FileSize = blob.Size, UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(), RegionCode = a.RegionCode, UploaderRegionCode = a.RegionCode,
        };
        db.AgreementDocuments.Add(document);
        var ownerParty = a.Parties.OrderBy(p => p.Order).FirstOrDefault(p => p.RegionCode == a.RegionCode);
        if (d.Form.IsNaskah() && ownerParty is not null && string.IsNullOrWhiteSpace(ownerParty.DocumentNumber)) ownerParty.DocumentNumber = number;

        db.DocumentVerifications.Add(new DocumentVerification
        {
            Code = code, AgreementId = a.Id, DocumentId = document.Id, DraftId = d.Id, RegionCode = a.RegionCode, Title = a.Title, FormLabel = d.Form.Label(),
            Parties = DraftFields.JoinAnd(a.Parties.OrderBy(p => p.Order).Select(p => p.Name).ToList()), Number = number, IssuedOn = today,
            Sha256 = blob.Sha256, CreatedAt = clock.GetUtcNow(),
        });
        db.SigningRecords.Add(new SigningRecord
        {
            DraftId = d.Id, AgreementId = a.Id, RegionCode = a.RegionCode, CreatedAt = clock.GetUtcNow(),
            Paraf = Signing.Chain(await Signing.ParafOrderAsync(db, a.RegionCode, ct), a, otherParties: d.Form.IsNaskah()),
        });
        d.Status = DraftStatus.Final;
        d.Number = number;
        d.NumberYear = today.Year;
        d.NumberSequence = sequence;
        d.FinalDocumentId = document.Id;
        d.UpdatedAt = clock.GetUtcNow();
        d.Version++;
        a.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("Nomor naskah atau rancangan ini sedang dipakai penyimpanan lain. Ulangi sebentar lagi.");
        }
        var details = await DraftUseCases.GetAsync(db, actor, a.Id, d.Id, null, ct);
        return new FinalizedDraft(details.Value!, document.Id, code, blob.Sha256, fileName, warning);
    }

    private static string Slug(string title)
    {
        var s = new string(title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        while (s.Contains("--")) s = s.Replace("--", "-");
        s = s.Trim('-');
        return s.Length > 60 ? s[..60].TrimEnd('-') : s;
    }
}

public sealed record VerificationView(string Code, string Title, string FormLabel, string Parties, string? Number, string RegionName, DateOnly IssuedOn,
    DateOnly? SignedOn, string Sha256, string? SignedSha256);

public sealed record VerificationCheck(bool Genuine, string Sha256, string Message);

/// <summary>The public side of verification (/verifikasi/{code}): no account needed; it shows
/// only what the printed document itself shows, and compares an uploaded file's SHA-256.</summary>
public static class VerifyDocument
{
    public static async Task<Result<VerificationView>> FindAsync(JalinDb db, string? code, CancellationToken ct = default)
    {
        var normalized = VerificationMark.Normalize(code);
        if (normalized is null) return new NotFoundError("Kode verifikasi tidak dikenal. Periksa kembali kode pada dokumen.");
        var v = await db.DocumentVerifications.AsNoTracking().FirstOrDefaultAsync(x => x.Code == normalized, ct);
        if (v is null) return new NotFoundError("Kode verifikasi tidak dikenal. Periksa kembali kode pada dokumen.");
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == v.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? v.RegionCode;
        return new VerificationView(v.Code, v.Title, v.FormLabel, v.Parties, v.Number, region, v.IssuedOn, v.SignedOn, v.Sha256, v.SignedSha256);
    }

    public static async Task<Result<VerificationCheck>> CheckAsync(JalinDb db, string? code, byte[]? file, long maxBytes, CancellationToken ct = default)
    {
        var found = await FindAsync(db, code, ct);
        if (!found.Ok) return found.Error!;
        if (file is null || file.Length == 0) return ValidationError.Of("file", "Pilih berkas dokumen yang akan diperiksa.");
        if (file.LongLength > maxBytes) return new TooLargeError(FileStore.TooLargeText(maxBytes));
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        var v = found.Value!;
        if (sha == v.Sha256) return new VerificationCheck(true, sha, "Asli: berkas sama persis dengan naskah final yang diterbitkan Jalin.");
        if (v.SignedSha256 is not null && sha == v.SignedSha256) return new VerificationCheck(true, sha, "Asli: berkas sama persis dengan pindaian naskah yang ditandatangani.");
        return new VerificationCheck(false, sha, "Tidak cocok: berkas ini berbeda dari naskah yang tercatat untuk kode ini (mungkin telah diubah, atau berkas lain).");
    }
}
