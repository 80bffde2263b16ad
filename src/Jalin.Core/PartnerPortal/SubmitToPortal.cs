using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Notifications;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.PartnerPortal;

/// <summary>What a third party fills in on /mitra/ajukan.</summary>
public sealed record PortalInput
{
    [Required(ErrorMessage = "Pilih daerah tujuan.")] public string? RegionCode { get; set; }
    [Required(ErrorMessage = "Pilih jenis pengaju.")] public PartnerKind? Kind { get; set; }
    [Required(ErrorMessage = "Nama lembaga wajib diisi."), StringLength(300, MinimumLength = 3, ErrorMessage = "Nama lembaga 3 sampai 300 karakter.")]
    public string? OrganizationName { get; set; }
    [RegularExpression(@"^(\d{15}|\d{16}|\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3})$", ErrorMessage = "NPWP 15 atau 16 angka (boleh format 00.000.000.0-000.000).")]
    public string? Npwp { get; set; }
    [RegularExpression(@"^\d{13}$", ErrorMessage = "NIB terdiri dari 13 angka.")] public string? Nib { get; set; }
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Kode negara dua huruf kapital (ISO 3166), misalnya JP.")] public string? CountryCode { get; set; }
    [Required(ErrorMessage = "Alamat wajib diisi."), StringLength(500, ErrorMessage = "Alamat paling banyak 500 karakter.")] public string? Address { get; set; }
    [Required(ErrorMessage = "Nama narahubung wajib diisi."), StringLength(200, MinimumLength = 3, ErrorMessage = "Nama narahubung 3 sampai 200 karakter.")]
    public string? ContactName { get; set; }
    [StringLength(200, ErrorMessage = "Jabatan paling banyak 200 karakter.")] public string? ContactPosition { get; set; }
    [Required(ErrorMessage = "Alamat surel wajib diisi."), EmailAddress(ErrorMessage = "Alamat surel tidak valid."), StringLength(200, ErrorMessage = "Alamat surel paling banyak 200 karakter.")]
    public string? Email { get; set; }
    [Required(ErrorMessage = "Nomor telepon wajib diisi."), RegularExpression(@"^\+?[0-9 ()\-]{6,30}$", ErrorMessage = "Nomor telepon 6 sampai 30 angka (boleh diawali +).")]
    public string? Phone { get; set; }
    [Required(ErrorMessage = "Judul penawaran wajib diisi."), StringLength(500, MinimumLength = 5, ErrorMessage = "Judul 5 sampai 500 karakter.")]
    public string? Title { get; set; }
    public string? AffairCode { get; set; }
    [Required(ErrorMessage = "Latar belakang wajib diisi."), StringLength(4000, ErrorMessage = "Latar belakang paling banyak 4000 karakter.")] public string? Background { get; set; }
    [Required(ErrorMessage = "Maksud dan tujuan wajib diisi."), StringLength(4000, ErrorMessage = "Maksud dan tujuan paling banyak 4000 karakter.")] public string? Aims { get; set; }
    [Required(ErrorMessage = "Objek kerja sama wajib diisi."), StringLength(2000, ErrorMessage = "Objek paling banyak 2000 karakter.")] public string? Object { get; set; }
    [StringLength(4000, ErrorMessage = "Ruang lingkup paling banyak 4000 karakter.")] public string? Scope { get; set; }
    [StringLength(500, ErrorMessage = "Lokasi paling banyak 500 karakter.")] public string? Location { get; set; }
    [Required(ErrorMessage = "Jangka waktu wajib diisi."), Range(1, 360, ErrorMessage = "Jangka waktu 1 sampai 360 bulan.")] public int? TermMonths { get; set; }
    public FundingSource FundingSource { get; set; } = FundingSource.Partner;
    [Range(0, 1_000_000_000_000_000, ErrorMessage = "Nilai pembiayaan tidak wajar.")] public decimal? Amount { get; set; }
    public bool Consent { get; set; }
    /// <summary>Honeypot: hidden from people; a machine that fills every field fills it.</summary>
    public string? Website { get; set; }
}

/// <summary>The attachment slots of the portal form.</summary>
public enum PortalFileSlot { OfferLetter, Proposal, TermsOfReference, FeasibilityStudy, LegalDocument }

public sealed record PortalFile(PortalFileSlot Slot, string? FileName, byte[] Content);

public sealed record PortalReceipt(Guid SubmissionId, Guid ProposalId, string TrackingNumber, string Token);

public static class PortalRules
{
    /// <summary>Who may send through the portal: pihak ketiga, another region, a foreign local government or institution
    /// (the partners UU 23/2014 and PP 28/2018 name). A foreign prakarsa reaches the region formally through the Minister
    /// and/or the foreign-affairs minister (PP 28/2018 Pasal 28 ayat (1) huruf c and ayat (2) huruf b); see <see cref="ForeignNote"/>.</summary>
    public static readonly PartnerKind[] Kinds =
    [
        PartnerKind.PrivateCompany, PartnerKind.StateOwnedEnterprise, PartnerKind.RegionOwnedEnterprise, PartnerKind.Cooperative,
        PartnerKind.University, PartnerKind.CivilSocietyOrganization, PartnerKind.Region, PartnerKind.ForeignLocalGovernment, PartnerKind.ForeignInstitution,
    ];

    public const int MaxFiles = 5;

    /// <summary>Shown to a foreign sender (checked against PP 28/2018 Pasal 28).</summary>
    public const string ForeignNote =
        "Untuk pemerintah daerah atau lembaga di luar negeri: prakarsa kerja sama secara resmi disampaikan melalui Menteri Dalam Negeri dan/atau menteri yang menyelenggarakan urusan hubungan luar negeri (PP 28/2018 Pasal 28 ayat (1) huruf c dan ayat (2) huruf b). Pengajuan di sini diterima sebagai bahan penjajakan oleh kepala daerah (PP 28/2018 Pasal 28 ayat (3)).";

    public static string Label(this PortalFileSlot s) => s switch
    {
        PortalFileSlot.OfferLetter => "Surat penawaran",
        PortalFileSlot.Proposal => "Proposal",
        PortalFileSlot.TermsOfReference => "Kerangka acuan kerja (KAK)",
        PortalFileSlot.FeasibilityStudy => "Studi kelayakan",
        PortalFileSlot.LegalDocument => "Dokumen legalitas (akta pendirian, NIB)",
        _ => s.ToString(),
    };

    public static ProposalAttachmentKind Kind(this PortalFileSlot s) => s switch
    {
        PortalFileSlot.OfferLetter => ProposalAttachmentKind.OfferLetter,
        PortalFileSlot.TermsOfReference => ProposalAttachmentKind.TermsOfReference,
        PortalFileSlot.FeasibilityStudy => ProposalAttachmentKind.FeasibilityStudy,
        _ => ProposalAttachmentKind.Other,
    };

    /// <summary>The regions a partner may address: those that use Jalin, i.e. have an active cooperation officer and an OPD.</summary>
    public static async Task<List<(string Code, string Name)>> RegionsAsync(JalinDb db, CancellationToken ct = default)
    {
        var codes = await db.Users.AsNoTracking().Where(u => u.Role == Role.CooperationOfficer && u.IsActive && u.RegionCode != null)
            .Select(u => u.RegionCode!).Distinct().ToListAsync(ct);
        var withAgency = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.RegionCode)).Select(a => a.RegionCode).Distinct().ToListAsync(ct);
        var rows = await db.Regions.AsNoTracking().Where(r => withAgency.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return rows.OrderBy(r => r.Name).Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>The OPD a portal usulan is filed under until the Bagian Kerja Sama names the OPD: the Sekretariat Daerah
    /// (where the Bagian Kerja Sama sits), else the region's first OPD. Pengaturan daerah.</summary>
    internal static async Task<(Guid Id, string Name)?> ReceivingAgencyAsync(JalinDb db, string region, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region && a.IsActive).Select(a => new { a.Id, a.Name, a.ShortName }).ToListAsync(ct);
        var pick = agencies.FirstOrDefault(a => a.ShortName == "Setda") ?? agencies.FirstOrDefault(a => a.Name.StartsWith("Sekretariat Daerah"))
            ?? agencies.OrderBy(a => a.Name).FirstOrDefault();
        return pick is null ? null : (pick.Id, pick.Name);
    }

    /// <summary>Checks every file by content before anything is stored: PDF, DOCX, PNG or JPEG, not empty, not over the limit.</summary>
    internal static Error? CheckFiles(IEnumerable<(string Field, string? Name, byte[] Content)> files, long maxBytes, List<FileKind> kinds)
    {
        foreach (var (field, name, content) in files)
        {
            var label = string.IsNullOrWhiteSpace(name) ? "Berkas" : $"Berkas {Path.GetFileName(name)}";
            if (content.Length == 0) return ValidationError.Of(field, $"{label} kosong. Unggah berkas PDF, DOCX, PNG atau JPEG.");
            if (content.LongLength > maxBytes) return new TooLargeError($"{label}: " + FileStore.TooLargeText(maxBytes));
            var type = FileSniffer.Detect(content);
            if (type is null) return ValidationError.Of(field, $"{label} ditolak: isi berkas bukan PDF, DOCX, PNG atau JPEG (jenis berkas diperiksa dari isinya, bukan dari namanya).");
            if (FileSniffer.Refusal(content, type) is { } refused) return ValidationError.Of(field, $"{label} ditolak: {refused}");
            kinds.Add(type);
        }
        return null;
    }

    internal static CurrentActor Sender(string trackingNumber, string contactName, string organization) =>
        new("portal:" + trackingNumber, "portal-mitra", $"{contactName} ({organization})", Role.PartnerUser, null);
}

/// <summary>Receives a portal submission: checks every field and file first (nothing is stored when anything is refused),
/// then stores the files and saves the usulan (status Diajukan, waiting for the Bagian Kerja Sama's check), its attachments
/// and the submission in one save, and tells the region's cooperation officers.</summary>
public static class SubmitToPortal
{
    public static async Task<Result<PortalReceipt>> HandleAsync(JalinDb db, FileStore files, PortalInput input, IReadOnlyList<PortalFile> attachments, TimeProvider clock, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(input.Website))
            return ValidationError.Of("website", "Pengajuan tidak dapat diterima: kolom tersembunyi yang tidak untuk diisi manusia terisi. Muat ulang halaman lalu isi formulir kembali.");
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToList());
        void Add(string f, string m) { if (!fields.TryGetValue(f, out var l)) fields[f] = l = []; l.Add(m); }
        var regions = await PortalRules.RegionsAsync(db, ct);
        if (input.RegionCode is { Length: > 0 } rc && regions.All(r => r.Code != rc)) Add("regionCode", "Daerah tujuan tidak menerima pengajuan melalui Jalin. Pilih dari daftar.");
        if (input.Kind is { } kind && !PortalRules.Kinds.Contains(kind)) Add("kind", "Jenis pengaju tidak dikenal.");
        if (input.Kind is { } k && k.IsForeign() && string.IsNullOrWhiteSpace(input.CountryCode)) Add("countryCode", "Negara wajib diisi untuk pengaju dari luar negeri.");
        if (input.Kind is { } c && c.IsCompany() && string.IsNullOrWhiteSpace(input.Nib) && string.IsNullOrWhiteSpace(input.Npwp))
            Add("nib", "Badan usaha mencantumkan NIB atau NPWP.");
        if (!Enum.IsDefined(input.FundingSource)) Add("fundingSource", "Sumber pembiayaan tidak dikenal.");
        if (input.AffairCode is { Length: > 0 } affair && !await db.GovernmentAffairs.AnyAsync(a => a.Code == affair, ct)) Add("affairCode", "Urusan pemerintahan tidak dikenal.");
        if (!input.Consent) Add("consent", "Centang pernyataan persetujuan untuk mengirim pengajuan.");
        if (attachments.All(a => a.Slot != PortalFileSlot.OfferLetter)) Add("offerLetter", "Surat penawaran wajib dilampirkan.");
        if (attachments.Count > PortalRules.MaxFiles) Add("files", $"Paling banyak {PortalRules.MaxFiles} berkas.");
        if (fields.Count > 0) return new ValidationError("Pengajuan belum lengkap. Periksa isian yang ditandai.", fields.ToDictionary(f => f.Key, f => f.Value.ToArray()));
        var kinds = new List<FileKind>();
        if (PortalRules.CheckFiles(attachments.Select(a => (SlotField(a.Slot), a.FileName, a.Content)), files.MaxBytes, kinds) is { } fileError) return fileError;

        var region = input.RegionCode!;
        if (await PortalRules.ReceivingAgencyAsync(db, region, ct) is not { } agency)
            return ValidationError.Of("regionCode", "Daerah tujuan belum siap menerima pengajuan. Pilih daerah lain.");
        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var (number, year, sequence) = await ProposalNumbering.NextAsync(db, region, clock, ct);
            var portalYear = Wib.Today(clock).Year;
            var portalSeq = (await db.PortalSubmissions.Where(s => s.Year == portalYear).MaxAsync(s => (int?)s.Sequence, ct) ?? 0) + 1;
            var tracking = PortalTokens.Format(portalYear, portalSeq);
            var token = PortalTokens.New();
            var name = input.OrganizationName!.Trim();
            var sender = PortalRules.Sender(tracking, input.ContactName!.Trim(), name);
            var proposal = new Proposal
            {
                RegionCode = region, Number = number, NumberYear = year, NumberSequence = sequence, Status = ProposalStatus.Submitted, Source = ProposalSource.PartnerPortal,
                Title = input.Title!.Trim(), AffairCode = Clean(input.AffairCode), AgencyId = agency.Id, AgencyName = agency.Name, PartnerName = name,
                Background = Clean(input.Background), Aims = Clean(input.Aims), Object = Clean(input.Object), Scope = Clean(input.Scope), Location = Clean(input.Location),
                TermMonths = input.TermMonths, FundingSource = input.FundingSource, Amount = input.Amount,
                Contact1Name = Clean(input.ContactName), Contact1Position = Clean(input.ContactPosition), Contact1Phone = Clean(input.Phone), Contact1Email = Clean(input.Email),
                CreatedBy = sender.UserName, CreatedAt = now, UpdatedAt = now,
            };
            var history = new ProposalHistory
            {
                ProposalId = proposal.Id, Action = "portal-submit", FromStatus = ProposalStatus.Draft, ToStatus = ProposalStatus.Submitted,
                ActorUserId = sender.UserId, ActorName = sender.FullName, ActorRole = "Pengaju melalui portal mitra", At = now,
                Note = $"Diterima melalui portal mitra, nomor pelacakan {tracking}.",
            };
            proposal.History.Add(history);
            var submission = new PortalSubmission
            {
                ProposalId = proposal.Id, RegionCode = region, TrackingNumber = tracking, Year = portalYear, Sequence = portalSeq, TokenHash = PortalTokens.Hash(token),
                Kind = input.Kind!.Value, OrganizationName = name, Npwp = Clean(input.Npwp), Nib = Clean(input.Nib), CountryCode = Clean(input.CountryCode),
                Address = Clean(input.Address), ContactName = input.ContactName!.Trim(), ContactPosition = Clean(input.ContactPosition), Email = input.Email!.Trim(),
                Phone = input.Phone!.Trim(), CreatedAt = now,
            };
            // Every file passed the checks above: store them now, with the rows in the same save.
            for (var i = 0; i < attachments.Count; i++)
            {
                var a = attachments[i];
                var blob = await db.StoreAsync(files, a.Content, kinds[i], clock, ct);
                proposal.Attachments.Add(new ProposalAttachment
                {
                    ProposalId = proposal.Id, Kind = a.Slot.Kind(), Title = a.Slot.Label(), FileSha256 = blob.Sha256,
                    FileName = AttachProposalFile.SafeName(a.FileName, blob.Extension), ContentType = blob.ContentType, FileSize = blob.Size,
                    UploadedBy = sender.UserName, CreatedAt = now,
                });
            }
            db.ActingAs(sender).Proposals.Add(proposal);
            db.PortalSubmissions.Add(submission);
            Mail.MailOutbox.Add(db, PortalMail.Receipt(submission, await PortalMail.RegionNameAsync(db, region, ct), proposal.Title, token), now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateException)
            {
                return new ConflictError("Pengajuan lain sedang diproses pada saat yang sama. Kirim sekali lagi.");
            }
            var message = new NotificationMessage(NotificationKind.ProposalSubmitted, $"Pengajuan baru dari portal mitra: {name} — {proposal.Title}",
                $"Nomor pelacakan {tracking}. Periksa kelengkapan dan kemungkinan duplikat mitra.", $"/app/usulan/{proposal.Id}", NotificationSubjects.Proposal,
                proposal.Id.ToString(), "portal-" + submission.Id);
            await Notify.SendAsync(db, sender, message, Recipients.RoleIn(region, Role.CooperationOfficer), clock, ct: ct);
            return new PortalReceipt(submission.Id, proposal.Id, tracking, token);
        }
    }

    internal static string SlotField(PortalFileSlot s) => s switch
    {
        PortalFileSlot.OfferLetter => "offerLetter",
        PortalFileSlot.Proposal => "proposal",
        PortalFileSlot.TermsOfReference => "termsOfReference",
        PortalFileSlot.FeasibilityStudy => "feasibilityStudy",
        _ => "legalDocument",
    };

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
