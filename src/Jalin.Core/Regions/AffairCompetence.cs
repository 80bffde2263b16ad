namespace Jalin.Core.Regions;

/// <summary>A part of an urusan that UU 23/2014 gives to a different level than the rest of it.</summary>
public sealed record SubAffair(string Code, string AffairCode, string Name, bool ProvinceOnly, string Basis);

/// <summary>What a result of the competence check means for the form.</summary>
public enum CompetenceVerdict { Allowed, AskSubAffair, NotCompetent }

public sealed record CompetenceResult(CompetenceVerdict Verdict, string? Message);

/// <summary>UU 23/2014 Ps 14: kehutanan, kelautan and ESDM are divided between the centre and the
/// provinces, with named parts for kabupaten/kota (Tahura, Ps 14(2); direct use of geothermal
/// heat, Ps 14(4)); in "Kelautan dan Perikanan" only kelautan is in Ps 14(1), perikanan stays a
/// concurrent urusan of every level. Where an urusan is split, Jalin asks for the sub-urusan
/// instead of refusing the agreement; only a province-only sub-urusan is refused for a kab/kota.</summary>
public static class AffairCompetence
{
    public static readonly IReadOnlyList<SubAffair> SubAffairs =
    [
        new("3.25.kelautan", "3.25", "Kelautan", true, "UU 23/2014 Pasal 14 ayat (1)"),
        new("3.25.perikanan", "3.25", "Perikanan", false, "UU 23/2014 Pasal 12 ayat (3) huruf a dan Lampiran (pembagian urusan kelautan dan perikanan)"),
        new("3.28.tahura", "3.28", "Pengelolaan taman hutan raya (Tahura) kabupaten/kota", false, "UU 23/2014 Pasal 14 ayat (2)"),
        new("3.28.lainnya", "3.28", "Kehutanan selain Tahura kabupaten/kota", true, "UU 23/2014 Pasal 14 ayat (1)"),
        new("3.29.panas-bumi-langsung", "3.29", "Pemanfaatan langsung panas bumi dalam daerah kabupaten/kota", false, "UU 23/2014 Pasal 14 ayat (4)"),
        new("3.29.lainnya", "3.29", "Energi dan sumber daya mineral selain pemanfaatan langsung panas bumi", true, "UU 23/2014 Pasal 14 ayat (1) dan (3)"),
    ];

    public static IReadOnlyList<SubAffair> For(string? affairCode) => SubAffairs.Where(s => s.AffairCode == affairCode).ToList();

    public static bool IsSplit(string? affairCode) => SubAffairs.Any(s => s.AffairCode == affairCode);

    public static SubAffair? Find(string? code) => SubAffairs.FirstOrDefault(s => s.Code == code);

    /// <summary>Whether a party of <paramref name="level"/> (named <paramref name="partyName"/>) may cooperate on the urusan.</summary>
    public static CompetenceResult Check(GovernmentAffair affair, string? subAffairCode, RegionLevel level, string partyName)
    {
        if (level == RegionLevel.Province || !IsSplit(affair.Code)) return new(CompetenceVerdict.Allowed, null);
        var sub = Find(subAffairCode);
        if (sub is null || sub.AffairCode != affair.Code)
            return new(CompetenceVerdict.AskSubAffair,
                $"Urusan {affair.Name} dibagi menurut sub-urusan (UU 23/2014 Pasal 14 dan Lampiran): pilih sub-urusannya agar kewenangan {partyName} dapat diperiksa.");
        return sub.ProvinceOnly
            ? new(CompetenceVerdict.NotCompetent, $"Sub-urusan {sub.Name} adalah kewenangan provinsi ({sub.Basis}); {partyName} tidak berwenang atasnya.")
            : new(CompetenceVerdict.Allowed, null);
    }
}
