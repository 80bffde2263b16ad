using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Partners;

public sealed record PartnerInput
{
    [Required(ErrorMessage = "Jenis mitra wajib dipilih.")]
    public PartnerKind? Kind { get; init; }
    [Required(ErrorMessage = "Nama mitra wajib diisi."), StringLength(300, MinimumLength = 3, ErrorMessage = "Nama 3 sampai 300 karakter.")]
    public string? Name { get; init; }
    [StringLength(100, ErrorMessage = "Bentuk hukum paling banyak 100 karakter.")]
    public string? LegalForm { get; init; }
    [RegularExpression(@"^\d{13}$", ErrorMessage = "NIB terdiri dari 13 angka.")]
    public string? Nib { get; init; }
    [RegularExpression(@"^(\d{15}|\d{16}|\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3})$", ErrorMessage = "NPWP 15 atau 16 angka (boleh format 00.000.000.0-000.000).")]
    public string? Npwp { get; init; }
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Kode negara dua huruf kapital (ISO 3166), misalnya JP.")]
    public string? CountryCode { get; init; }
    public string? PartnerRegionCode { get; init; }
    [StringLength(500, ErrorMessage = "Alamat paling banyak 500 karakter.")]
    public string? Address { get; init; }
    [EmailAddress(ErrorMessage = "Alamat surel tidak valid."), StringLength(200, ErrorMessage = "Alamat surel paling banyak 200 karakter.")]
    public string? Email { get; init; }
    [StringLength(40, ErrorMessage = "Telepon paling banyak 40 karakter.")]
    public string? Phone { get; init; }
    [RegularExpression(@"^https?://[^\s/$.?#][^\s]*$", ErrorMessage = "Alamat situs harus diawali http:// atau https://."), StringLength(300, ErrorMessage = "Alamat situs paling banyak 300 karakter.")]
    public string? Website { get; init; }
    public List<PartnerContact> Contacts { get; init; } = [];
    public List<PartnerSignatory> Signatories { get; init; } = [];
}

public sealed record PartnerView(Guid Id, string RegionCode, PartnerKind Kind, string KindLabel, string Name, string? LegalForm, string? Nib, string? Npwp,
    string? CountryCode, string? PartnerRegionCode, string? Address, string? Email, string? Phone, string? Website,
    IReadOnlyList<PartnerContact> Contacts, IReadOnlyList<PartnerSignatory> Signatories, int Version);

public sealed record DuplicateWarning(Guid PartnerId, string Name, string Reason);

public sealed record PartnerSaved(PartnerView Partner, IReadOnlyList<DuplicateWarning> Warnings);

/// <summary>The partner registry of a region: list, read, create (with a probable-duplicate warning) and edit.</summary>
public static partial class PartnerRegistry
{
    private static readonly Role[] Readers = [Role.CooperationOfficer, Role.TeamMember, Role.Leader, Role.Auditor, Role.AgencyUser, Role.DprdViewer];

    public static async Task<Result<Page<PartnerView>>> ListAsync(JalinDb db, CurrentActor actor, string? q, PartnerKind? kind, int? page, int? size, CancellationToken ct = default)
    {
        var query = Query(db, actor, q, kind);
        if (!query.Ok) return query.Error!;
        var (pg, sz) = Paging.Normalize(page, size);
        var total = await query.Value!.CountAsync(ct);
        var items = await ReadAsync(query.Value!.Skip((pg - 1) * sz).Take(sz), ct);
        return new Page<PartnerView>(items, pg, sz, total);
    }

    /// <summary>The partners the list shows for this search, by name (then id): the registry the actor may read, the
    /// search and the kind. The list and its download (<see cref="ExportPartners"/>) both read this query.</summary>
    public static Result<IQueryable<Partner>> Query(JalinDb db, CurrentActor actor, string? q, PartnerKind? kind)
    {
        IQueryable<Partner> query = db.Partners.AsNoTracking();
        if (actor.Role == Role.PartnerUser) query = query.Where(p => p.Id == actor.PartnerId);
        else if (actor.Role is Role.SupervisorNational) { }
        else if (actor.Role == Role.SupervisorProvince) query = query.Where(p => p.RegionCode == actor.RegionCode || p.RegionCode.StartsWith(actor.RegionCode + "."));
        else if (Readers.Contains(actor.Role)) query = query.Where(p => p.RegionCode == actor.RegionCode);
        else return new ForbiddenError("Peran Anda tidak membuka daftar mitra.");
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Nib == q.Trim() || p.Npwp == q.Trim());
        }
        if (kind is { } k) query = query.Where(p => p.Kind == k);
        return Result<IQueryable<Partner>>.From(query.OrderBy(p => p.Name).ThenBy(p => p.Id));
    }

    /// <summary>One page of <see cref="Query"/> as the list shows it.</summary>
    public static async Task<IReadOnlyList<PartnerView>> ReadAsync(IQueryable<Partner> page, CancellationToken ct = default) =>
        (await page.ToListAsync(ct)).Select(ToView).ToList();

    public static async Task<Result<PartnerView>> GetAsync(JalinDb db, CurrentActor actor, Guid id, CancellationToken ct = default)
    {
        var list = await ListAsync(db, actor, null, null, 1, 1, ct);
        if (!list.Ok) return list.Error!;
        var p = await db.Partners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !Visible(actor, p)) return new NotFoundError("Mitra tidak ditemukan.");
        return ToView(p);
    }

    private static bool Visible(CurrentActor actor, Partner p) => actor.Role switch
    {
        Role.PartnerUser => p.Id == actor.PartnerId,
        Role.SupervisorNational => true,
        Role.SupervisorProvince => p.RegionCode == actor.RegionCode || p.RegionCode.StartsWith(actor.RegionCode + "."),
        _ => p.RegionCode == actor.RegionCode,
    };

    public static async Task<Result<PartnerSaved>> CreateAsync(JalinDb db, CurrentActor actor, PartnerInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null)
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang dapat menambah mitra.");
        var error = await ValidateAsync(db, input, ct);
        if (error is not null) return error;
        var partner = new Partner { RegionCode = actor.RegionCode, Name = input.Name!.Trim(), CreatedAt = clock.GetUtcNow() };
        Apply(partner, input);
        var warnings = await DuplicatesAsync(db, actor.RegionCode, partner, ct);
        db.ActingAs(actor).Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return new PartnerSaved(ToView(partner), warnings);
    }

    public static async Task<Result<PartnerSaved>> UpdateAsync(JalinDb db, CurrentActor actor, Guid id, int expectedVersion, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null || !Visible(actor, partner)) return new NotFoundError("Mitra tidak ditemukan.");
        if (actor.Role != Role.CooperationOfficer) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang dapat mengubah mitra.");
        if (partner.Version != expectedVersion) return new ConflictError("Data mitra telah diubah orang lain. Muat ulang lalu ulangi.");
        var error = await ValidateAsync(db, input, ct);
        if (error is not null) return error;
        Apply(partner, input);
        partner.Version++;
        var warnings = await DuplicatesAsync(db, partner.RegionCode, partner, ct);
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Data mitra telah diubah orang lain. Muat ulang lalu ulangi."); }
        return new PartnerSaved(ToView(partner), warnings);
    }

    /// <summary>Probable duplicates: the same NIB/NPWP, or a name equal after normalising legal
    /// forms, punctuation and case, or within a small edit distance.</summary>
    public static async Task<IReadOnlyList<DuplicateWarning>> DuplicatesAsync(JalinDb db, string region, Partner candidate, CancellationToken ct = default)
    {
        var others = await db.Partners.AsNoTracking().Where(p => p.RegionCode == region && p.Id != candidate.Id)
            .Select(p => new { p.Id, p.Name, p.Nib, p.Npwp }).ToListAsync(ct);
        var key = NameKey(candidate.Name);
        var warnings = new List<DuplicateWarning>();
        foreach (var o in others)
        {
            if (candidate.Nib is not null && o.Nib == candidate.Nib) warnings.Add(new(o.Id, o.Name, $"NIB sama ({o.Nib})"));
            else if (candidate.Npwp is not null && Digits(o.Npwp) == Digits(candidate.Npwp)) warnings.Add(new(o.Id, o.Name, "NPWP sama"));
            else
            {
                var other = NameKey(o.Name);
                if (other == key) warnings.Add(new(o.Id, o.Name, "nama sama"));
                else if (key.Length >= 8 && Levenshtein(other, key) <= Math.Max(1, key.Length / 10)) warnings.Add(new(o.Id, o.Name, "nama hampir sama"));
            }
        }
        return warnings;
    }

    private static string? Digits(string? s) => s is null ? null : new string(s.Where(char.IsDigit).ToArray());

    public static string NameKey(string name)
    {
        var lower = name.ToLowerInvariant();
        lower = LegalForms().Replace(lower, " ");
        return string.Join(' ', NonWord().Replace(lower, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"\b(pt|cv|tbk|persero|perseroda|perumda|pd|ud|koperasi|yayasan|(pt\.)|(tbk\.))\b")]
    private static partial Regex LegalForms();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    private static int Levenshtein(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var prev = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length];
    }

    private static async Task<ValidationError?> ValidateAsync(JalinDb db, PartnerInput input, CancellationToken ct)
    {
        var fields = AgreementRules.Annotations(input).GroupBy(e => e.field).ToDictionary(g => g.Key, g => g.Select(e => e.message).ToArray());
        void Add(string f, string m) => fields[f] = [.. fields.GetValueOrDefault(f) ?? [], m];
        if (input.Kind is { } undefined && !Enum.IsDefined(undefined)) Add("kind", "Jenis mitra tidak dikenal.");
        else if (input.Kind is { } kind)
        {
            if (kind.IsForeign() && string.IsNullOrWhiteSpace(input.CountryCode)) Add("countryCode", "Negara wajib diisi untuk mitra luar negeri.");
            if (!kind.IsForeign() && input.CountryCode is { Length: > 0 } c && c != "ID") Add("countryCode", "Mitra dalam negeri berkode negara ID.");
            if (kind == PartnerKind.Region)
            {
                if (string.IsNullOrWhiteSpace(input.PartnerRegionCode)) Add("partnerRegionCode", "Pilih daerah (kode wilayah).");
                else if (!await db.Regions.AnyAsync(r => r.Code == input.PartnerRegionCode, ct)) Add("partnerRegionCode", "Kode wilayah tidak dikenal.");
            }
        }
        for (var i = 0; i < input.Contacts.Count; i++)
            if (string.IsNullOrWhiteSpace(input.Contacts[i].Name)) Add($"contacts[{i}].name", "Nama penghubung wajib diisi.");
        for (var i = 0; i < input.Signatories.Count; i++)
            if (string.IsNullOrWhiteSpace(input.Signatories[i].Name) || string.IsNullOrWhiteSpace(input.Signatories[i].Office))
                Add($"signatories[{i}]", "Nama dan jabatan penanda tangan wajib diisi.");
        return fields.Count == 0 ? null : new ValidationError("Data mitra belum benar.", fields);
    }

    private static void Apply(Partner p, PartnerInput i)
    {
        p.Kind = i.Kind!.Value;
        p.Name = i.Name!.Trim();
        p.LegalForm = Clean(i.LegalForm);
        p.Nib = Clean(i.Nib);
        p.Npwp = Clean(i.Npwp);
        p.CountryCode = Clean(i.CountryCode) ?? (i.Kind!.Value.IsForeign() ? null : "ID");
        p.PartnerRegionCode = i.Kind == PartnerKind.Region ? Clean(i.PartnerRegionCode) : null;
        p.Address = Clean(i.Address);
        p.Email = Clean(i.Email);
        p.Phone = Clean(i.Phone);
        p.Website = Clean(i.Website);
        p.Contacts = i.Contacts.Select(c => new PartnerContact { Name = c.Name.Trim(), Position = c.Position, Phone = c.Phone, Email = c.Email }).ToList();
        p.Signatories = i.Signatories.Select(s => new PartnerSignatory { Name = s.Name.Trim(), Office = s.Office.Trim(), From = s.From, Until = s.Until }).ToList();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static PartnerView ToView(Partner p) => new(p.Id, p.RegionCode, p.Kind, p.Kind.Label(), p.Name, p.LegalForm, p.Nib, p.Npwp, p.CountryCode,
        p.PartnerRegionCode, p.Address, p.Email, p.Phone, p.Website, p.Contacts, p.Signatories, p.Version);
}
