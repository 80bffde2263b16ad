namespace Jalin.Core.Regions;

public enum RegionLevel { Province, Regency, City }

/// <summary>A province or kabupaten/kota by its official kode wilayah (Kepmendagri 300.2.2-2138/2025).</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ProvinceCode { get; init; }
    /// <summary>False for DKI Jakarta's five kota administrasi and one kabupaten administrasi.</summary>
    public bool IsAutonomous { get; init; } = true;

    public string LevelLabel => Level switch
    {
        RegionLevel.Province => "Provinsi",
        RegionLevel.Regency => "Kabupaten",
        _ => "Kota",
    };

    /// <summary>The name as used in letters: "Provinsi Sumatera Barat", "Kota Cimahi".</summary>
    public string FullName => Level == RegionLevel.Province ? $"Provinsi {Name}" : Name;
}

public enum AffairGroup { WajibPelayananDasar, WajibNonPelayananDasar, Pilihan }

/// <summary>One of the 32 urusan pemerintahan (UU 23/2014 Ps 12; DOMAIN §6.2).</summary>
public sealed class GovernmentAffair
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public AffairGroup Group { get; init; }
    /// <summary>UU 23/2014 Ps 14(1): divided between the centre and the provinces, with named parts for
    /// kab/kota; see <see cref="AffairCompetence"/> for the sub-urusan a kab/kota may take.</summary>
    public bool ProvincialOnly { get; init; }

    /// <summary>Whether a region of this level may cooperate on this urusan (UU 23/2014 Ps 14): refused
    /// only for a province-only sub-urusan; without a sub-urusan the check asks for one (a warning).</summary>
    public bool IsWithinCompetenceOf(RegionLevel level, string? subAffairCode = null) =>
        AffairCompetence.Check(this, subAffairCode, level, "").Verdict != CompetenceVerdict.NotCompetent;
}
