namespace Jalin.Core.Agreements;

/// <summary>Jenis kerja sama (UU 23/2014 Ps 363–367; PP 28/2018; Permendagri 22/2020, 25/2020).</summary>
public enum CooperationKind { KsddWajib, KsddSukarela, Ksdpk, Ksdpl, Ksdll, Sinergi }

public enum Initiative { Region, ThirdParty }

public enum FundingSource { Apbd, Apbn, Partner, Shared, Grant, None }

public static class CooperationKindLabels
{
    public static string Label(this CooperationKind kind) => kind switch
    {
        CooperationKind.KsddWajib => "KSDD wajib (dengan Daerah lain, berbatasan)",
        CooperationKind.KsddSukarela => "KSDD sukarela (dengan Daerah lain)",
        CooperationKind.Ksdpk => "KSDPK (dengan pihak ketiga)",
        CooperationKind.Ksdpl => "KSDPL (dengan pemerintah daerah di luar negeri)",
        CooperationKind.Ksdll => "KSDLL (dengan lembaga di luar negeri)",
        CooperationKind.Sinergi => "Sinergi (dengan Pemerintah Pusat)",
        _ => kind.ToString(),
    };

    public static string ShortLabel(this CooperationKind kind) => kind switch
    {
        CooperationKind.KsddWajib => "KSDD wajib",
        CooperationKind.KsddSukarela => "KSDD sukarela",
        CooperationKind.Ksdpk => "KSDPK",
        CooperationKind.Ksdpl => "KSDPL",
        CooperationKind.Ksdll => "KSDLL",
        CooperationKind.Sinergi => "Sinergi",
        _ => kind.ToString(),
    };

    public static bool IsForeign(this CooperationKind kind) => kind is CooperationKind.Ksdpl or CooperationKind.Ksdll;

    public static bool IsBetweenRegions(this CooperationKind kind) => kind is CooperationKind.KsddWajib or CooperationKind.KsddSukarela;

    public static string Label(this FundingSource s) => s switch
    {
        FundingSource.Apbd => "APBD",
        FundingSource.Apbn => "APBN",
        FundingSource.Partner => "Mitra",
        FundingSource.Shared => "Bersama (APBD dan mitra)",
        FundingSource.Grant => "Hibah",
        FundingSource.None => "Tanpa pembiayaan",
        _ => s.ToString(),
    };
}
