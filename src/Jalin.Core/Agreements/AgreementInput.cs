using System.ComponentModel.DataAnnotations;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

/// <summary>The editable fields of an agreement, shared by the create and edit forms and the API.</summary>
public sealed record AgreementInput
{
    [Required(ErrorMessage = "Jenis kerja sama wajib dipilih.")]
    public CooperationKind? Kind { get; init; }
    [Required(ErrorMessage = "Judul wajib diisi."), StringLength(500, MinimumLength = 5, ErrorMessage = "Judul 5 sampai 500 karakter.")]
    public string? Title { get; init; }
    [StringLength(2000, ErrorMessage = "Objek paling banyak 2000 karakter.")]
    public string? Object { get; init; }
    [StringLength(4000, ErrorMessage = "Ruang lingkup paling banyak 4000 karakter.")]
    public string? Scope { get; init; }
    public string? AffairCode { get; init; }
    /// <summary>For an urusan split by UU 23/2014 Ps 14 and its Lampiran: the sub-urusan (Regions/AffairCompetence.cs).</summary>
    public string? SubAffairCode { get; init; }
    [Range(0, 999_999_999_999_999, ErrorMessage = "Nilai harus antara 0 dan 999 triliun rupiah.")]
    public decimal? Value { get; init; }
    public FundingSource FundingSource { get; init; } = FundingSource.Apbd;
    public bool BudgetedInApbd { get; init; }
    public bool BurdensPublic { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public Initiative? Initiative { get; init; }
    /// <summary>KSDPK: which kind (PP 28/2018 Ps 15(1)); fixed at registration.</summary>
    public KsdpkKind? KsdpkKind { get; init; }
    [StringLength(1000, ErrorMessage = "Dasar hukum perjanjian paling banyak 1000 karakter.")] public string? OwnRegimeBasis { get; init; }
    /// <summary>Needed to change a field the law moves only by its actions (end date, DPRD facts, forwarding, bordering) during implementation.</summary>
    [StringLength(1000, ErrorMessage = "Alasan koreksi paling banyak 1000 karakter.")] public string? CorrectionReason { get; init; }
    public bool IsForwarding { get; init; }
    [StringLength(200, ErrorMessage = "Rujukan pemetaan urusan paling banyak 200 karakter.")] public string? MappingReference { get; init; }
    public bool BorderingConfirmed { get; init; }
    [StringLength(1000, ErrorMessage = "Catatan perbatasan paling banyak 1000 karakter.")] public string? BorderingNote { get; init; }
    [StringLength(1000, ErrorMessage = "Dasar hukum jangka waktu paling banyak 1000 karakter.")] public string? TermBasis { get; init; }
    /// <summary>The owning region's lead agency (OPD pemrakarsa).</summary>
    public Guid? LeadAgencyId { get; init; }
    [StringLength(100, ErrorMessage = "Nomor naskah paling banyak 100 karakter.")] public string? DocumentNumber { get; init; }
    [StringLength(200, ErrorMessage = "Nama penanda tangan paling banyak 200 karakter.")] public string? SignatoryName { get; init; }
    [StringLength(200, ErrorMessage = "Jabatan penanda tangan paling banyak 200 karakter.")] public string? SignatoryOffice { get; init; }
    /// <summary>The other parties (one or more).</summary>
    public List<PartyInput> Parties { get; init; } = [];
}

public sealed record PartyInput
{
    public string? RegionCode { get; init; }
    public Guid? PartnerId { get; init; }
    public Guid? LeadAgencyId { get; init; }
    [StringLength(200, ErrorMessage = "Nama perangkat daerah pihak paling banyak 200 karakter.")] public string? LeadAgencyName { get; init; }
    [StringLength(100, ErrorMessage = "Nomor naskah paling banyak 100 karakter.")] public string? DocumentNumber { get; init; }
    [StringLength(200, ErrorMessage = "Nama penanda tangan paling banyak 200 karakter.")] public string? SignatoryName { get; init; }
    [StringLength(200, ErrorMessage = "Jabatan penanda tangan paling banyak 200 karakter.")] public string? SignatoryOffice { get; init; }
}

/// <summary>Checks an <see cref="AgreementInput"/> against the registry and the law; returns field messages.</summary>
internal static class AgreementRules
{
    public static async Task<(ValidationError? error, List<AgreementParty> parties)> ValidateAsync(
        JalinDb db, string ownerRegion, AgreementInput input, LifecycleSettings settings, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        foreach (var r in Annotations(input)) Add(r.field, r.message);
        // Enums arrive from JSON as names or numbers; a number outside the list is not a value.
        if (input.Kind is { } kindValue && !Enum.IsDefined(kindValue)) Add("kind", "Jenis kerja sama tidak dikenal.");
        if (!Enum.IsDefined(input.FundingSource)) Add("fundingSource", "Sumber pendanaan tidak dikenal.");
        if (input.Initiative is { } initiative && !Enum.IsDefined(initiative)) Add("initiative", "Prakarsa tidak dikenal: Region atau ThirdParty.");
        for (var i = 0; i < input.Parties.Count; i++)
            foreach (var r in Annotations(input.Parties[i])) Add($"parties[{i}].{r.field}", r.message);

        var owner = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == ownerRegion, ct);
        if (owner is null) Add("regionCode", "Daerah pemilik tidak dikenal.");
        else if (!owner.IsAutonomous) Add("regionCode", $"{owner.Name} adalah wilayah administratif (bukan daerah otonom) dan tidak dapat menjadi pihak kerja sama.");

        GovernmentAffair? affair = null;
        if (input.AffairCode is { Length: > 0 } affairCode)
        {
            affair = await db.GovernmentAffairs.AsNoTracking().FirstOrDefaultAsync(a => a.Code == affairCode, ct);
            if (affair is null) Add("affairCode", "Urusan pemerintahan tidak dikenal.");
        }
        if (input.SubAffairCode is { Length: > 0 } subCode)
        {
            var sub = AffairCompetence.Find(subCode);
            if (sub is null || sub.AffairCode != input.AffairCode)
                Add("subAffairCode", affair is not null && AffairCompetence.IsSplit(affair.Code)
                    ? $"Sub-urusan tidak dikenal untuk urusan {affair.Name}. Pilih: {string.Join("; ", AffairCompetence.For(affair.Code).Select(x => x.Name))}."
                    : "Urusan ini tidak dibagi menurut sub-urusan; kosongkan sub-urusan.");
        }
        if (input.Kind == CooperationKind.Ksdpk)
        {
            if (input.KsdpkKind is null) Add("ksdpkKind", "Pilih jenis KSDPK: pelayanan publik, aset, investasi, atau lainnya (PP 28/2018 Pasal 15 ayat (1)).");
            else if (!Enum.IsDefined(input.KsdpkKind.Value)) Add("ksdpkKind", "Jenis KSDPK tidak dikenal.");
            else if (input.KsdpkKind != KsdpkKind.PublicService && string.IsNullOrWhiteSpace(input.OwnRegimeBasis))
                Add("ownRegimeBasis", $"Isi dasar hukum dan bentuk perjanjiannya: KSDPK jenis ini dilaksanakan menurut {input.KsdpkKind.Value.OwnRegime()}.");
        }

        if (input.StartsOn is { } s && input.EndsOn is { } e)
        {
            if (e <= s) Add("endsOn", "Tanggal berakhir harus setelah tanggal mulai.");
            else if (input.Kind is CooperationKind.Ksdpl or CooperationKind.Ksdll && LifecycleTable.ExceedsForeignTerm(s, e))
                Add("endsOn", LifecycleTable.ForeignTermMessage);
            else if (input.Kind is not (CooperationKind.Ksdpl or CooperationKind.Ksdll) && e > s.AddYears(settings.TermLimitYears) && string.IsNullOrWhiteSpace(input.TermBasis))
                Add("termBasis", $"Jangka waktu melebihi {settings.TermLimitYears} tahun (pengaturan daerah); isi dasar hukum perpanjangan jangka waktu.");
        }
        else if (input.EndsOn is not null && input.StartsOn is null) Add("startsOn", "Isi tanggal mulai bila tanggal berakhir diisi.");

        if (input.LeadAgencyId is { } lead && !await db.Agencies.AnyAsync(a => a.Id == lead && a.RegionCode == ownerRegion, ct))
            Add("leadAgencyId", "Perangkat daerah pemrakarsa tidak ditemukan di daerah ini.");
        if (input.Kind == CooperationKind.Ksdpk && input.Initiative is null)
            Add("initiative", "Pilih prakarsa: daerah atau pihak ketiga (PP 28/2018 Pasal 17–18).");

        var parties = new List<AgreementParty>();
        if (input.Parties.Count == 0) Add("parties", "Tambahkan paling sedikit satu pihak lain.");
        var seen = new HashSet<string>();
        for (var i = 0; i < input.Parties.Count; i++)
        {
            var p = input.Parties[i];
            var field = $"parties[{i}]";
            if ((p.RegionCode is null) == (p.PartnerId is null)) { Add(field, "Pilih tepat satu: daerah atau mitra dari daftar mitra."); continue; }
            if (p.RegionCode is { } code)
            {
                var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
                if (region is null) { Add($"{field}.regionCode", "Kode wilayah tidak dikenal."); continue; }
                if (code == ownerRegion) { Add($"{field}.regionCode", "Daerah sendiri sudah menjadi pihak pertama."); continue; }
                if (!region.IsAutonomous) { Add($"{field}.regionCode", $"{region.Name} bukan daerah otonom."); continue; }
                if (!seen.Add("r:" + code)) { Add($"{field}.regionCode", "Daerah ini sudah tercantum."); continue; }
                if (input.Kind is not (CooperationKind.KsddWajib or CooperationKind.KsddSukarela or CooperationKind.Ksdpk or CooperationKind.Sinergi))
                    Add($"{field}.regionCode", "Kerja sama luar negeri tidak bermitra dengan daerah di dalam negeri.");
                if (p.LeadAgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.RegionCode == code, ct))
                    Add($"{field}.leadAgencyId", "Perangkat daerah tidak ditemukan di daerah mitra.");
                parties.Add(new AgreementParty { RegionCode = code, Name = region.FullName, LeadAgencyId = p.LeadAgencyId, LeadAgencyName = p.LeadAgencyName,
                    DocumentNumber = p.DocumentNumber, SignatoryName = p.SignatoryName, SignatoryOffice = p.SignatoryOffice });
            }
            else
            {
                var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p.PartnerId && x.RegionCode == ownerRegion, ct);
                if (partner is null) { Add($"{field}.partnerId", "Mitra tidak ditemukan di daftar mitra daerah ini."); continue; }
                if (!seen.Add("p:" + partner.Id)) { Add($"{field}.partnerId", "Mitra ini sudah tercantum."); continue; }
                var kindError = PartnerFits(input.Kind, partner.Kind);
                if (kindError is not null) Add($"{field}.partnerId", kindError);
                parties.Add(new AgreementParty { PartnerId = partner.Id, RegionCode = partner.Kind == PartnerKind.Region ? partner.PartnerRegionCode : null,
                    Name = partner.Name, LeadAgencyName = p.LeadAgencyName, DocumentNumber = p.DocumentNumber,
                    SignatoryName = p.SignatoryName, SignatoryOffice = p.SignatoryOffice });
            }
        }
        if (input.Kind is CooperationKind.KsddWajib or CooperationKind.KsddSukarela && parties.Count > 0 && parties.All(p => p.RegionCode is null))
            Add("parties", "KSDD memerlukan paling sedikit satu Daerah lain sebagai pihak.");
        if (input.Kind == CooperationKind.KsddWajib)
            foreach (var (field, message) in KsddBordering.Validate(ownerRegion, owner?.FullName, parties, input.BorderingConfirmed, input.BorderingNote)) Add(field, message);

        // UU 23/2014 Ps 14: every region party must be competent for the urusan; a split urusan without its sub-urusan is a warning, not a refusal.
        if (affair is not null && owner is not null && !errors.ContainsKey("subAffairCode"))
        {
            var levels = new List<(string name, RegionLevel level)> { (owner.FullName, owner.Level) };
            foreach (var code in parties.Where(p => p.RegionCode is not null).Select(p => p.RegionCode!).Distinct())
                if (await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) is { } r) levels.Add((r.FullName, r.Level));
            foreach (var (name, level) in levels)
                if (AffairCompetence.Check(affair, input.SubAffairCode, level, name) is { Verdict: CompetenceVerdict.NotCompetent, Message: { } m })
                    Add(input.SubAffairCode is null ? "affairCode" : "subAffairCode", m);
        }

        return errors.Count == 0
            ? (null, parties)
            : (new ValidationError("Data kerja sama belum benar. Periksa isian yang ditandai.", errors.ToDictionary(k => k.Key, v => v.Value.ToArray())), parties);
    }

    internal static string? PartnerFits(CooperationKind? kind, PartnerKind partner) => kind switch
    {
        CooperationKind.KsddWajib or CooperationKind.KsddSukarela when partner != PartnerKind.Region => "KSDD hanya dengan Daerah lain.",
        CooperationKind.Ksdpk when partner is PartnerKind.Region or PartnerKind.ForeignInstitution or PartnerKind.ForeignLocalGovernment or PartnerKind.CentralGovernmentBody
            => "KSDPK dengan pihak ketiga (perseorangan, badan usaha, perguruan tinggi, organisasi kemasyarakatan).",
        CooperationKind.Ksdpl when partner != PartnerKind.ForeignLocalGovernment => "KSDPL dengan pemerintah daerah di luar negeri.",
        CooperationKind.Ksdll when partner != PartnerKind.ForeignInstitution => "KSDLL dengan lembaga di luar negeri.",
        CooperationKind.Sinergi when partner != PartnerKind.CentralGovernmentBody => "Sinergi dengan kementerian/lembaga Pusat atau instansi vertikal.",
        _ => null,
    };

    public static IEnumerable<(string field, string message)> Annotations(object model)
    {
        foreach (var r in ModelAnnotations.Validate(model))
            foreach (var m in r.MemberNames.DefaultIfEmpty(""))
                yield return (m.Length == 0 ? "" : char.ToLowerInvariant(m[0]) + m[1..], r.ErrorMessage ?? "Isian tidak valid.");
    }
}
