namespace Jalin.Core.Agreements;

/// <summary>Jenis kerja sama (UU 23/2014 Ps 363–367; PP 28/2018; Permendagri 22/2020, 25/2020).</summary>
public enum CooperationKind { KsddWajib, KsddSukarela, Ksdpk, Ksdpl, Ksdll, Sinergi }

public enum Initiative { Region, ThirdParty }

/// <summary>Jenis KSDPK (PP 28/2018 Ps 15 ayat (1)). Only <see cref="PublicService"/> runs PP 28/2018's
/// stages (ayat (2)); aset and investasi follow their own laws (ayat (3)), and "lainnya" is
/// cooperation with a legal-entity business in providing infrastructure or procurement of goods
/// and services, each under its own law (ayat (4)).</summary>
public enum KsdpkKind { PublicService, Asset, Investment, Other }

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

    public static string Label(this KsdpkKind k) => k switch
    {
        KsdpkKind.PublicService => "Penyediaan pelayanan publik (PP 28/2018 Pasal 15 ayat (1) huruf a)",
        KsdpkKind.Asset => "Pengelolaan aset untuk nilai tambah dan pendapatan daerah (huruf b)",
        KsdpkKind.Investment => "Investasi (huruf c)",
        KsdpkKind.Other => "Lainnya: penyediaan infrastruktur dengan badan usaha berbadan hukum, atau pengadaan barang/jasa (huruf d)",
        _ => k.ToString(),
    };

    /// <summary>The law a KSDPK outside PP 28/2018's stages follows (PP 28/2018 Ps 15 ayat (3)–(4)).</summary>
    public static string OwnRegime(this KsdpkKind k) => k switch
    {
        KsdpkKind.Asset => "peraturan perundang-undangan tentang pengelolaan barang milik daerah (PP 28/2018 Pasal 15 ayat (3))",
        KsdpkKind.Investment => "peraturan perundang-undangan tentang penanaman modal (PP 28/2018 Pasal 15 ayat (3))",
        KsdpkKind.Other => "peraturan perundang-undangan tentang kerja sama penyediaan infrastruktur atau pengadaan barang/jasa (PP 28/2018 Pasal 15 ayat (4))",
        _ => "PP 28/2018",
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
