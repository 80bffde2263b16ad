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
        ("para_pihak", "Semua pihak: \"A dan B\", \"A, B, dan C\""),
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

    /// <summary>Fills every {{field}} of <paramref name="text"/> so it reads as written by hand: a value
    /// that begins with the words just before the field does not repeat them ("kerja sama {{judul}}"
    /// with "Kerja Sama Pasokan Cabai" gives "kerja sama Pasokan Cabai"), and a value ending in a
    /// punctuation mark the text also puts after the field loses its own ("{{objek}}." never "..").</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values)
    {
        var sb = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match m in FieldPattern().Matches(text))
        {
            sb.Append(text, last, m.Index - last);
            var value = values.TryGetValue(m.Groups[1].Value, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : Blank;
            if (value != Blank)
            {
                value = WithoutRepeatedLead(sb.ToString(), value);
                var next = m.Index + m.Length < text.Length ? text[m.Index + m.Length] : '\0';
                if (".,;:".Contains(next) && next != '\0') value = value.TrimEnd('.', ',', ';', ':', ' ');
            }
            sb.Append(value);
            last = m.Index + m.Length;
        }
        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}-]+")]
    private static partial Regex WordPattern();

    /// <summary><paramref name="value"/> without its first words when the text before it ends with the same words (any case).</summary>
    private static string WithoutRepeatedLead(string before, string value)
    {
        if (before.Length == 0 || !char.IsWhiteSpace(before[^1])) return value;
        var tail = WordPattern().Matches(before).TakeLast(4).Select(w => w.Value).ToList();
        var lead = WordPattern().Matches(value).Take(4).ToList();
        for (var k = Math.Min(tail.Count, lead.Count); k >= 1; k--)
        {
            if (!tail.TakeLast(k).SequenceEqual(lead.Take(k).Select(w => w.Value), StringComparer.OrdinalIgnoreCase)) continue;
            // Only whole leading words, separated by spaces alone (never cut "Kerja Sama-nya").
            var end = lead[k - 1].Index + lead[k - 1].Length;
            if (value[..end].Any(c => !char.IsLetterOrDigit(c) && c != ' ' && c != '-')) continue;
            var rest = value[end..].TrimStart();
            return rest.Length > 0 ? rest : value;
        }
        return value;
    }

    /// <summary>What the cooperation is about: a title written as a whole document title ("Kesepakatan
    /// Bersama Pemerintah Kota Cimahi dan Pemerintah Kabupaten Garut tentang Kerja Sama Pasokan Cabai")
    /// gives what follows its first "tentang", so a naskah never says "… TENTANG KESEPAKATAN BERSAMA … TENTANG …".</summary>
    public static string Subject(string title)
    {
        var t = title.Trim();
        string[] forms = ["Kesepakatan Bersama", "Perjanjian Kerja Sama", "Nota Kesepakatan", "Naskah Kerja Sama", "Addendum", "Pernyataan Kehendak", "Rencana Kerja Sama"];
        if (!forms.Any(f => t.StartsWith(f, StringComparison.OrdinalIgnoreCase))) return t;
        var at = t.IndexOf(" tentang ", StringComparison.OrdinalIgnoreCase);
        return at > 0 && at + 9 < t.Length ? t[(at + 9)..].Trim() : t;
    }

    /// <summary>A signatory's name, or null when none is known; a name that only repeats the office
    /// ("Bupati Garut" as name and office) counts as unknown, so the naskah leaves a dotted blank.</summary>
    public static string? SignatoryName(string? name, string? office) =>
        string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), office?.Trim(), StringComparison.OrdinalIgnoreCase) ? null : name.Trim();

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
        var kb = a.RecordDocuments().Where(d => d.Kind == DocumentKind.KesepakatanBersama && d.Number != null).OrderBy(d => d.CreatedAt).LastOrDefault();
        return new Dictionary<string, string?>
        {
            ["judul"] = Subject(a.Title),
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
            ["penanda_tangan_kesatu"] = SignatoryName(first?.SignatoryName, first?.SignatoryOffice),
            ["jabatan_kesatu"] = first?.SignatoryOffice,
            ["penanda_tangan_kedua"] = SignatoryName(second?.SignatoryName, second?.SignatoryOffice),
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

    /// <summary>A list as Indonesian writes it: "A", "A dan B", "A, B, dan C" (a comma before the
    /// last "dan" of three or more, PUEBI).</summary>
    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => items[0] + " dan " + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + ", dan " + items[^1],
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
