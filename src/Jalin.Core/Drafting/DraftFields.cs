using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Drafting;

/// <summary>The {{fields}} a template may use, each taken from the agreement's own data. A value
/// the agreement does not have yet is written as "…………" for the drafter to fill.</summary>
public static partial class DraftFields
{
    public const string Blank = "…………";

    /// <summary>Every field with what it holds (shown to template editors).</summary>
    public static IReadOnlyList<(string Name, string Description)> Catalog { get; } =
    [
        ("judul", "Judul kerja sama"),
        ("objek", "Objek kerja sama"),
        ("ruang_lingkup", "Ruang lingkup"),
        ("urusan", "Urusan pemerintahan"),
        ("nilai", "Nilai dalam Rupiah dengan huruf"),
        ("sumber_dana", "Sumber pembiayaan"),
        ("jangka_waktu", "Jangka waktu dengan huruf, dari tanggal mulai dan berakhir"),
        ("tanggal_mulai", "Tanggal mulai"),
        ("tanggal_berakhir", "Tanggal berakhir"),
        ("daerah", "Nama daerah pemilik (Kota Cimahi)"),
        ("pemerintah_daerah", "Pemerintah daerah pemilik (Pemerintah Kota Cimahi)"),
        ("kepala_daerah", "Jabatan kepala daerah (Wali Kota Cimahi)"),
        ("pihak_kesatu", "Nama PIHAK KESATU"),
        ("pihak_kedua", "Nama PIHAK KEDUA"),
        ("para_pihak", "Semua pihak, dipisah koma dan \"dan\""),
        ("penanda_tangan_kesatu", "Nama penanda tangan PIHAK KESATU"),
        ("jabatan_kesatu", "Jabatan penanda tangan PIHAK KESATU"),
        ("penanda_tangan_kedua", "Nama penanda tangan PIHAK KEDUA"),
        ("jabatan_kedua", "Jabatan penanda tangan PIHAK KEDUA"),
        ("opd_pelaksana", "Perangkat daerah pelaksana PIHAK KESATU"),
        ("nomor_kb", "Nomor Kesepakatan Bersama yang dilaksanakan"),
        ("tahun", "Tahun berjalan"),
        ("penyelesaian_perselisihan", "Jalur penyelesaian perselisihan setelah musyawarah, menurut jenis kerja sama (PP 28/2018 Pasal 8, 21, 34 atau 41)"),
        ("pasal_kuasa", "Pasal pemberian kuasa penandatanganan menurut jenis kerja sama (PP 28/2018 Pasal 2 ayat (2) atau Pasal 13 ayat (2))"),
    ];

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex FieldPattern();

    public static IReadOnlyList<string> Used(string text) => FieldPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    public static IReadOnlyList<string> Unknown(string text) => Used(text).Where(f => Catalog.All(c => c.Name != f)).ToList();

    public static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        FieldPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) && !string.IsNullOrWhiteSpace(v) ? v : Blank);

    /// <summary>The owning region and the field values of <paramref name="a"/>, loaded once for a use case.</summary>
    public static async Task<(Region Owner, Dictionary<string, string?> Values)> ForAsync(Data.JalinDb db, Agreement a, DateOnly today, CancellationToken ct)
    {
        var owner = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == a.RegionCode, ct);
        var affair = a.AffairCode is null ? null : await db.GovernmentAffairs.AsNoTracking().FirstOrDefaultAsync(x => x.Code == a.AffairCode, ct);
        return (owner, From(a, owner, affair, today));
    }

    public static Dictionary<string, string?> From(Agreement a, Region owner, GovernmentAffair? affair, DateOnly today)
    {
        var parties = a.Parties.OrderBy(p => p.Order).ToList();
        var first = parties.FirstOrDefault();
        var second = parties.Skip(1).FirstOrDefault();
        var kb = a.Documents.Where(d => d.Kind == DocumentKind.KesepakatanBersama && d.Number != null).OrderBy(d => d.CreatedAt).LastOrDefault();
        return new Dictionary<string, string?>
        {
            ["judul"] = a.Title,
            ["objek"] = a.Object,
            ["ruang_lingkup"] = a.Scope,
            ["urusan"] = affair?.Name,
            ["nilai"] = a.Value is { } v ? IndonesianWords.RupiahWithWords(v) : null,
            ["sumber_dana"] = a.FundingSource.Label(),
            ["jangka_waktu"] = Term(a.StartsOn, a.EndsOn),
            ["tanggal_mulai"] = a.StartsOn is { } s ? IndonesianWords.Date(s) : null,
            ["tanggal_berakhir"] = a.EndsOn is { } e ? IndonesianWords.Date(e) : null,
            ["daerah"] = owner.FullName,
            ["pemerintah_daerah"] = "Pemerintah " + owner.FullName,
            ["kepala_daerah"] = HeadOf(owner),
            ["pihak_kesatu"] = first?.Name,
            ["pihak_kedua"] = second?.Name,
            ["para_pihak"] = JoinAnd(parties.Select(p => p.Name).ToList()),
            ["penanda_tangan_kesatu"] = first?.SignatoryName,
            ["jabatan_kesatu"] = first?.SignatoryOffice,
            ["penanda_tangan_kedua"] = second?.SignatoryName,
            ["jabatan_kedua"] = second?.SignatoryOffice,
            ["opd_pelaksana"] = first?.LeadAgencyName,
            ["nomor_kb"] = kb?.Number,
            ["tahun"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["penyelesaian_perselisihan"] = DisputeRoute(a.Kind),
            ["pasal_kuasa"] = a.Kind == CooperationKind.Ksdpk ? "Pasal 13 ayat (2)" : "Pasal 2 ayat (2)",
        };
    }

    /// <summary>KSDD: PP 28/2018 Pasal 8 sends disputes to the rules on disputes between regions,
    /// UU 23/2014 Pasal 370 (gubernur for kab/kota within one province; the Menteri where a province
    /// is involved or the gubernur cannot settle it; the Menteri's decision is final).</summary>
    public const string KsddDisputeRoute =
        "Apabila musyawarah tidak mencapai mufakat, perselisihan diselesaikan sesuai dengan ketentuan peraturan perundang-undangan mengenai penyelesaian perselisihan antar-Daerah sebagaimana dimaksud dalam Pasal 8 Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, yaitu oleh gubernur sebagai wakil Pemerintah Pusat untuk perselisihan antar-Daerah kabupaten/kota dalam satu Daerah provinsi, atau oleh Menteri Dalam Negeri untuk perselisihan antar-Daerah provinsi dan antara Daerah provinsi dan Daerah kabupaten/kota, sesuai dengan Pasal 370 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.";

    public const string KsddDisputeFinal =
        "Apabila gubernur sebagai wakil Pemerintah Pusat tidak dapat menyelesaikan perselisihan, penanganannya dilakukan oleh Menteri Dalam Negeri, dan keputusan Menteri Dalam Negeri atas perselisihan tersebut bersifat final.";

    /// <summary>KSDPK: PP 28/2018 Pasal 21 (musyawarah mufakat first, then what the kontrak/PKS says).</summary>
    public const string KsdpkDisputeRoute =
        "Apabila musyawarah tidak mencapai mufakat, perselisihan diselesaikan sesuai dengan kesepakatan yang tercantum dalam Perjanjian Kerja Sama dan tidak bertentangan dengan ketentuan peraturan perundang-undangan, sebagaimana dimaksud dalam Pasal 21 Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah.";

    /// <summary>What follows musyawarah in a dispute, by the kind of cooperation: KSDD PP 28/2018
    /// Pasal 8 (with UU 23/2014 Pasal 370), KSDPK Pasal 21, KSDPL Pasal 34, KSDLL Pasal 41 (negosiasi
    /// dan konsultasi; Permendagri 25/2020 Pasal 40–41: then consult the Menteri); Sinergi: the PP is silent.</summary>
    public static string DisputeRoute(CooperationKind kind) => kind switch
    {
        CooperationKind.KsddWajib or CooperationKind.KsddSukarela => KsddDisputeRoute + " " + KsddDisputeFinal,
        CooperationKind.Ksdpk => KsdpkDisputeRoute,
        CooperationKind.Ksdpl or CooperationKind.Ksdll =>
            $"Apabila musyawarah tidak mencapai mufakat, perselisihan diselesaikan melalui negosiasi dan konsultasi sesuai dengan Pasal {(kind == CooperationKind.Ksdpl ? 34 : 41)} Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, dan apabila belum terselesaikan PIHAK KESATU berkonsultasi dengan Menteri Dalam Negeri.",
        _ => "Apabila musyawarah tidak mencapai mufakat, PARA PIHAK menyelesaikannya sesuai dengan ketentuan peraturan perundang-undangan.",
    };

    /// <summary>"Wali Kota Cimahi", "Bupati Garut", "Gubernur Sumatera Barat".</summary>
    public static string HeadOf(Region r) => r.Level switch
    {
        RegionLevel.Province => "Gubernur " + r.Name,
        RegionLevel.Regency => "Bupati " + StripPrefix(r.Name, "Kabupaten "),
        _ => "Wali Kota " + StripPrefix(r.Name, "Kota "),
    };

    /// <summary>The place of signing as written in the opening: the region's name without its level.</summary>
    public static string PlaceOf(Region r) => StripPrefix(StripPrefix(r.Name, "Kabupaten "), "Kota ");

    private static string StripPrefix(string s, string prefix) => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? s[prefix.Length..] : s;

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " dan " + items[^1],
    };

    /// <summary>"5 (lima) tahun", "18 (delapan belas) bulan", "45 (empat puluh lima) hari"; counted
    /// up to and including the end date.</summary>
    public static string? Term(DateOnly? start, DateOnly? end)
    {
        if (start is not { } s || end is not { } e || e < s) return null;
        var last = e.AddDays(1);
        var months = (last.Year - s.Year) * 12 + last.Month - s.Month;
        if (s.AddMonths(months) == last && months > 0)
            return months % 12 == 0 ? Words(months / 12, "tahun") : Words(months, "bulan");
        return Words(last.DayNumber - s.DayNumber, "hari");

        static string Words(int n, string unit) => $"{n} ({IndonesianWords.Number(n)}) {unit}";
    }
}
