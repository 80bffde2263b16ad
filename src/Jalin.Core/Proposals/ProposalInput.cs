using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Proposals;

/// <summary>The fields of an usulan an OPD fills in (DOMAIN.md §6.3), shared by the form and the API.</summary>
public sealed record ProposalInput
{
    [Required(ErrorMessage = "Judul wajib diisi."), StringLength(500, MinimumLength = 5, ErrorMessage = "Judul 5 sampai 500 karakter.")]
    public string? Title { get; init; }
    public string? AffairCode { get; init; }
    public string? SubAffairCode { get; init; }
    /// <summary>The initiating OPD; an OPD user's own is used when empty (and only its own is accepted).</summary>
    public Guid? AgencyId { get; init; }
    public string? PartnerRegionCode { get; init; }
    public Guid? PartnerId { get; init; }
    [StringLength(300, ErrorMessage = "Nama calon mitra paling banyak 300 karakter.")] public string? PartnerName { get; init; }
    [StringLength(4000, ErrorMessage = "Latar belakang paling banyak 4000 karakter.")] public string? Background { get; init; }
    [StringLength(2000, ErrorMessage = "Dasar hukum paling banyak 2000 karakter.")] public string? LegalBasis { get; init; }
    [StringLength(4000, ErrorMessage = "Maksud dan tujuan paling banyak 4000 karakter.")] public string? Aims { get; init; }
    [StringLength(2000, ErrorMessage = "Objek/kegiatan paling banyak 2000 karakter.")] public string? Object { get; init; }
    [StringLength(500, ErrorMessage = "Lokasi paling banyak 500 karakter.")] public string? Location { get; init; }
    [StringLength(4000, ErrorMessage = "Ruang lingkup paling banyak 4000 karakter.")] public string? Scope { get; init; }
    [StringLength(4000, ErrorMessage = "Peran para pihak paling banyak 4000 karakter.")] public string? Roles { get; init; }
    public DateOnly? PlannedStart { get; init; }
    [Range(1, 600, ErrorMessage = "Jangka waktu 1 sampai 600 bulan.")] public int? TermMonths { get; init; }
    [StringLength(2000, ErrorMessage = "Alasan jangka waktu paling banyak 2000 karakter.")] public string? TermJustification { get; init; }
    [StringLength(4000, ErrorMessage = "Manfaat paling banyak 4000 karakter.")] public string? Benefits { get; init; }
    [StringLength(2000, ErrorMessage = "Dampak sosial paling banyak 2000 karakter.")] public string? SocialImpact { get; init; }
    [StringLength(2000, ErrorMessage = "Dampak ekonomi paling banyak 2000 karakter.")] public string? EconomicImpact { get; init; }
    [StringLength(2000, ErrorMessage = "Dampak lingkungan paling banyak 2000 karakter.")] public string? EnvironmentalImpact { get; init; }
    public FundingSource FundingSource { get; init; } = FundingSource.Apbd;
    [Range(0, 999_999_999_999_999, ErrorMessage = "Nilai harus antara 0 dan 999 triliun rupiah.")] public decimal? Amount { get; init; }
    public bool BudgetedInApbd { get; init; }
    [StringLength(500, ErrorMessage = "Program RPJMD/RKPD paling banyak 500 karakter.")] public string? PlanProgram { get; init; }
    [StringLength(500, ErrorMessage = "Sasaran RPJMD/RKPD paling banyak 500 karakter.")] public string? PlanTarget { get; init; }
    [StringLength(200, ErrorMessage = "Nama narahubung paling banyak 200 karakter.")] public string? Contact1Name { get; init; }
    [StringLength(200, ErrorMessage = "Jabatan narahubung paling banyak 200 karakter.")] public string? Contact1Position { get; init; }
    [StringLength(40, ErrorMessage = "Telepon narahubung paling banyak 40 karakter.")] public string? Contact1Phone { get; init; }
    [StringLength(200, ErrorMessage = "E-mail narahubung paling banyak 200 karakter."), EmailAddress(ErrorMessage = "Alamat e-mail narahubung pertama tidak valid.")] public string? Contact1Email { get; init; }
    [StringLength(200, ErrorMessage = "Nama narahubung paling banyak 200 karakter.")] public string? Contact2Name { get; init; }
    [StringLength(200, ErrorMessage = "Jabatan narahubung paling banyak 200 karakter.")] public string? Contact2Position { get; init; }
    [StringLength(40, ErrorMessage = "Telepon narahubung paling banyak 40 karakter.")] public string? Contact2Phone { get; init; }
    [StringLength(200, ErrorMessage = "E-mail narahubung paling banyak 200 karakter."), EmailAddress(ErrorMessage = "Alamat e-mail narahubung kedua tidak valid.")] public string? Contact2Email { get; init; }

    public static ProposalInput From(Proposal p) => new()
    {
        Title = p.Title, AffairCode = p.AffairCode, SubAffairCode = p.SubAffairCode, AgencyId = p.AgencyId, PartnerRegionCode = p.PartnerRegionCode,
        PartnerId = p.PartnerId, PartnerName = p.PartnerRegionCode is null && p.PartnerId is null ? p.PartnerName : null, Background = p.Background,
        LegalBasis = p.LegalBasis, Aims = p.Aims, Object = p.Object, Location = p.Location, Scope = p.Scope, Roles = p.Roles, PlannedStart = p.PlannedStart,
        TermMonths = p.TermMonths, TermJustification = p.TermJustification, Benefits = p.Benefits, SocialImpact = p.SocialImpact,
        EconomicImpact = p.EconomicImpact, EnvironmentalImpact = p.EnvironmentalImpact, FundingSource = p.FundingSource, Amount = p.Amount,
        BudgetedInApbd = p.BudgetedInApbd, PlanProgram = p.PlanProgram, PlanTarget = p.PlanTarget,
        Contact1Name = p.Contact1Name, Contact1Position = p.Contact1Position, Contact1Phone = p.Contact1Phone, Contact1Email = p.Contact1Email,
        Contact2Name = p.Contact2Name, Contact2Position = p.Contact2Position, Contact2Phone = p.Contact2Phone, Contact2Email = p.Contact2Email,
    };
}

/// <summary>Checks a <see cref="ProposalInput"/> against the registry and writes it onto a proposal.</summary>
internal static class ProposalRules
{
    public static async Task<ValidationError?> ValidateAsync(JalinDb db, string region, ProposalInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }
        foreach (var (field, message) in AgreementRules.Annotations(input)) Add(field, message);
        if (!Enum.IsDefined(input.FundingSource)) Add("fundingSource", "Sumber pembiayaan tidak dikenal.");
        if (input.AffairCode is { Length: > 0 } affairCode)
        {
            var affair = await db.GovernmentAffairs.AsNoTracking().FirstOrDefaultAsync(a => a.Code == affairCode, ct);
            if (affair is null) Add("affairCode", "Urusan pemerintahan tidak dikenal.");
            else if (input.SubAffairCode is { Length: > 0 } sub && (AffairCompetence.Find(sub) is not { } s || s.AffairCode != affairCode))
                Add("subAffairCode", AffairCompetence.IsSplit(affairCode)
                    ? $"Sub-urusan tidak dikenal untuk urusan {affair.Name}."
                    : "Urusan ini tidak dibagi menurut sub-urusan; kosongkan sub-urusan.");
        }
        else if (!string.IsNullOrWhiteSpace(input.SubAffairCode)) Add("subAffairCode", "Pilih urusan sebelum sub-urusan.");
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency && a.RegionCode == region, ct))
            Add("agencyId", "Perangkat daerah pemrakarsa tidak ditemukan di daerah ini.");
        var candidates = (input.PartnerRegionCode is { Length: > 0 } ? 1 : 0) + (input.PartnerId is not null ? 1 : 0) + (string.IsNullOrWhiteSpace(input.PartnerName) ? 0 : 1);
        if (candidates > 1) Add("partner", "Pilih satu calon mitra: daerah, mitra terdaftar, atau nama mitra yang belum terdaftar.");
        if (input.PartnerRegionCode is { Length: > 0 } pr)
        {
            var r = await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == pr, ct);
            if (r is null) Add("partnerRegionCode", "Daerah calon mitra tidak dikenal.");
            else if (r.Code == region) Add("partnerRegionCode", "Calon mitra tidak boleh daerah sendiri.");
            else if (!r.IsAutonomous) Add("partnerRegionCode", $"{r.Name} bukan daerah otonom.");
        }
        if (input.PartnerId is { } pid && !await db.Partners.AnyAsync(p => p.Id == pid && p.RegionCode == region, ct))
            Add("partnerId", "Mitra tidak ditemukan di daftar mitra daerah ini.");
        return errors.Count == 0 ? null : new ValidationError("Data usulan belum benar. Periksa isian yang ditandai.", errors.ToDictionary(k => k.Key, v => v.Value.ToArray()));
    }

    public static async Task ApplyAsync(JalinDb db, Proposal p, ProposalInput input, CancellationToken ct)
    {
        p.Title = input.Title!.Trim();
        p.AffairCode = Clean(input.AffairCode);
        p.SubAffairCode = p.AffairCode is not null && AffairCompetence.IsSplit(p.AffairCode) ? Clean(input.SubAffairCode) : null;
        p.PartnerRegionCode = Clean(input.PartnerRegionCode);
        p.PartnerId = input.PartnerId;
        p.PartnerName = p.PartnerRegionCode is { } rc ? await db.Regions.Where(r => r.Code == rc).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : p.PartnerId is { } pid ? await db.Partners.Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : Clean(input.PartnerName);
        p.Background = Clean(input.Background);
        p.LegalBasis = Clean(input.LegalBasis);
        p.Aims = Clean(input.Aims);
        p.Object = Clean(input.Object);
        p.Location = Clean(input.Location);
        p.Scope = Clean(input.Scope);
        p.Roles = Clean(input.Roles);
        p.PlannedStart = input.PlannedStart;
        p.TermMonths = input.TermMonths;
        p.TermJustification = Clean(input.TermJustification);
        p.Benefits = Clean(input.Benefits);
        p.SocialImpact = Clean(input.SocialImpact);
        p.EconomicImpact = Clean(input.EconomicImpact);
        p.EnvironmentalImpact = Clean(input.EnvironmentalImpact);
        p.FundingSource = input.FundingSource;
        p.Amount = input.Amount;
        p.BudgetedInApbd = input.BudgetedInApbd;
        p.PlanProgram = Clean(input.PlanProgram);
        p.PlanTarget = Clean(input.PlanTarget);
        p.Contact1Name = Clean(input.Contact1Name);
        p.Contact1Position = Clean(input.Contact1Position);
        p.Contact1Phone = Clean(input.Contact1Phone);
        p.Contact1Email = Clean(input.Contact1Email);
        p.Contact2Name = Clean(input.Contact2Name);
        p.Contact2Position = Clean(input.Contact2Position);
        p.Contact2Phone = Clean(input.Contact2Phone);
        p.Contact2Email = Clean(input.Contact2Email);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The usulan's number per region and year: the region's pattern (setting <see cref="SettingKey"/>,
/// pengaturan daerah) or "USL/{tahun}/{urut4}" (as SIKERJA numbers its requests REQ/YYYY/NNNN).</summary>
public static class ProposalNumbering
{
    public const string SettingKey = "proposals.numberPattern";
    public const string DefaultPattern = "USL/{tahun}/{urut4}";

    public static string Format(string pattern, int sequence, int year, string regionCode) => pattern
        .Replace("{urut4}", sequence.ToString("0000", CultureInfo.InvariantCulture))
        .Replace("{urut}", sequence.ToString(CultureInfo.InvariantCulture))
        .Replace("{tahun}", year.ToString(CultureInfo.InvariantCulture))
        .Replace("{kode}", regionCode);

    public static async Task<(string Number, int Year, int Sequence)> NextAsync(JalinDb db, string region, TimeProvider clock, CancellationToken ct) =>
        (await NextAsync(db, region, clock, 1, ct))[0];

    /// <summary>The next <paramref name="count"/> numbers in a row (an import numbers many usulan in one unit of work).</summary>
    public static async Task<IReadOnlyList<(string Number, int Year, int Sequence)>> NextAsync(JalinDb db, string region, TimeProvider clock, int count, CancellationToken ct)
    {
        var year = Wib.Today(clock).Year;
        var pattern = await db.RegionSettings.Where(s => s.RegionCode == region && s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(pattern) || !(pattern.Contains("{urut}") || pattern.Contains("{urut4}"))) pattern = DefaultPattern;
        var last = await db.Proposals.Where(p => p.RegionCode == region && p.NumberYear == year).MaxAsync(p => (int?)p.NumberSequence, ct) ?? 0;
        return Enumerable.Range(last + 1, count).Select(n => (Format(pattern, n, year, region), year, n)).ToList();
    }
}
