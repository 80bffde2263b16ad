namespace Jalin.Core.Data;

/// <summary>End reasons retired in 2026-11 because the law does not list them (ADR 0006), and the
/// reason each becomes. The migration that retires them runs <see cref="Sql"/> on both providers.</summary>
public static class RetiredEndReasons
{
    public sealed record Mapping(string Retired, string OldLabel, string NewCode, string Basis, bool DomesticOnly = false);

    public static readonly IReadOnlyList<Mapping> Mappings =
    [
        new("CancelledByParty", "Dibatalkan salah satu pihak (dengan pemberitahuan tertulis)", "MutualAgreement", "PP 28/2018 Pasal 9 ayat (1) huruf c"),
        new("PartyDefault", "Salah satu pihak tidak melaksanakan kewajiban", "MutualAgreement", "PP 28/2018 Pasal 9 ayat (1) huruf c"),
        new("ForceMajeure", "Keadaan kahar", "MutualAgreement", "PP 28/2018 Pasal 9 ayat (1) huruf c"),
        new("ContraryToLaw", "Bertentangan dengan peraturan perundang-undangan", "PolicyChange", "PP 28/2018 Pasal 9 ayat (1) huruf d"),
        // Permendagri 25/2020 Ps 34 lists it for the foreign kinds only.
        new("ReplacedByNewAgreement", "Diganti dengan perjanjian baru", "MutualAgreement", "PP 28/2018 Pasal 9 ayat (1) huruf c", DomesticOnly: true),
    ];

    /// <summary>UPDATE statements valid on SQLite and PostgreSQL: history rows keep the old reason in their note.</summary>
    public static IEnumerable<string> Sql()
    {
        foreach (var m in Mappings)
        {
            var scope = m.DomesticOnly ? " AND \"Kind\" NOT IN ('Ksdpl', 'Ksdll')" : "";
            var historyScope = m.DomesticOnly ? " AND \"AgreementId\" IN (SELECT \"Id\" FROM \"Agreements\" WHERE \"Kind\" NOT IN ('Ksdpl', 'Ksdll'))" : "";
            var note = $"(Alasan semula: {m.OldLabel}; sejak 30/11/2026 dicatat sebagai alasan menurut {m.Basis}.)".Replace("'", "''");
            yield return $"UPDATE \"StageChanges\" SET \"Note\" = COALESCE(\"Note\" || ' ', '') || '{note}', \"EndReason\" = '{m.NewCode}' WHERE \"EndReason\" = '{m.Retired}'{historyScope};";
            yield return $"UPDATE \"Agreements\" SET \"EndReason\" = '{m.NewCode}' WHERE \"EndReason\" = '{m.Retired}'{scope};";
        }
    }
}
