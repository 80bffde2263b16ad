namespace Jalin.Core.Partners;

/// <summary>Kinds of mitra (DOMAIN glossary; PP 28/2018 Ps 14; Permendagri 25/2020 Ps 6–7).</summary>
public enum PartnerKind
{
    Region,
    Individual,
    StateOwnedEnterprise,
    RegionOwnedEnterprise,
    Cooperative,
    PrivateCompany,
    University,
    CivilSocietyOrganization,
    ForeignLocalGovernment,
    ForeignInstitution,
    CentralGovernmentBody,
}

public static class PartnerKindLabels
{
    public static string Label(this PartnerKind kind) => kind switch
    {
        PartnerKind.Region => "Pemerintah Daerah lain",
        PartnerKind.Individual => "Perseorangan",
        PartnerKind.StateOwnedEnterprise => "BUMN",
        PartnerKind.RegionOwnedEnterprise => "BUMD",
        PartnerKind.Cooperative => "Koperasi",
        PartnerKind.PrivateCompany => "Badan usaha swasta",
        PartnerKind.University => "Perguruan tinggi",
        PartnerKind.CivilSocietyOrganization => "Organisasi kemasyarakatan / LSM",
        PartnerKind.ForeignLocalGovernment => "Pemerintah daerah di luar negeri",
        PartnerKind.ForeignInstitution => "Lembaga di luar negeri",
        PartnerKind.CentralGovernmentBody => "Kementerian/Lembaga Pusat atau instansi vertikal",
        _ => kind.ToString(),
    };

    public static bool IsForeign(this PartnerKind kind) =>
        kind is PartnerKind.ForeignLocalGovernment or PartnerKind.ForeignInstitution;

    public static bool IsCompany(this PartnerKind kind) =>
        kind is PartnerKind.StateOwnedEnterprise or PartnerKind.RegionOwnedEnterprise
            or PartnerKind.Cooperative or PartnerKind.PrivateCompany;
}

/// <summary>A partner in a region's registry. Another region as partner points at it by
/// <see cref="PartnerRegionCode"/>.</summary>
public sealed class Partner
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>The region whose registry holds this partner.</summary>
    public required string RegionCode { get; init; }
    public PartnerKind Kind { get; set; }
    public required string Name { get; set; }
    public string? LegalForm { get; set; }
    public string? Nib { get; set; }
    public string? Npwp { get; set; }
    public string? CountryCode { get; set; }
    public string? PartnerRegionCode { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public List<PartnerContact> Contacts { get; set; } = [];
    public List<PartnerSignatory> Signatories { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }
}

/// <summary>A liaison (penghubung / PIC) of a partner.</summary>
public sealed class PartnerContact
{
    public required string Name { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>An office holder who signs for the partner (e.g. Direktur Utama), with their period.</summary>
public sealed class PartnerSignatory
{
    public required string Name { get; set; }
    public required string Office { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }
}
