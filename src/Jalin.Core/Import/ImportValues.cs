using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Partners;
using Jalin.Core.Regions;
using Jalin.Core.Search;

namespace Jalin.Core.Import;

/// <summary>A value read from a cell, or the Indonesian reason it could not be read.</summary>
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    public static Parsed<T> Ok(T? value) => new(value, null);
    public static Parsed<T> Fail(string error) => new(default, error);
}

/// <summary>The pure readers of legacy register cells: Indonesian dates and amounts, kinds of cooperation and naskah
/// forms, and names (partners, OPDs) normalised for matching. Built on <see cref="IndonesianFormat"/>, which the forms use.</summary>
public static partial class ImportValues
{
    /// <summary>Excel serial day numbers Jalin accepts as dates (1955 to 2119).</summary>
    private const double MinSerial = 20_000, MaxSerial = 80_000;

    public static Parsed<DateOnly?> Date(object? cell)
    {
        switch (cell)
        {
            case null: return Parsed<DateOnly?>.Ok(null);
            case DateTime d: return Parsed<DateOnly?>.Ok(DateOnly.FromDateTime(d));
            case DateOnly d: return Parsed<DateOnly?>.Ok(d);
            case double x when x >= MinSerial && x <= MaxSerial && x == Math.Floor(x): return Parsed<DateOnly?>.Ok(DateOnly.FromDateTime(DateTime.FromOADate(x)));
            case double x: return Parsed<DateOnly?>.Fail($"Angka {x.ToString(CultureInfo.InvariantCulture)} bukan tanggal. {IndonesianFormat.DateExpected}");
        }
        var text = SheetReader.Text(cell);
        if (text is null) return Parsed<DateOnly?>.Ok(null);
        if (double.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= MinSerial && serial <= MaxSerial)
            return Parsed<DateOnly?>.Ok(DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        // "yyyy-MM-dd HH:mm" from a date-time cell, and "Senin, 3 Desember 2019" with the day's name.
        var m = DateTimeText().Match(text);
        if (m.Success) text = m.Groups["d"].Value;
        var comma = text.IndexOf(',');
        if (comma > 0 && comma < 8 && !char.IsDigit(text[0])) text = text[(comma + 1)..].Trim();
        var r = IndonesianFormat.ParseDate(text);
        return r.Ok ? Parsed<DateOnly?>.Ok(r.Value) : Parsed<DateOnly?>.Fail(r.Error!.Message);
    }

    /// <summary>An amount in rupiah: a number cell, "Rp 1.500.000", "Rp1.500.000,00", "1.500.000", or with a word for its
    /// size: "1,5 juta", "500 rb", "2 M", "2 miliar" ("milyar"), "1 T" ("triliun").</summary>
    public static Parsed<decimal?> Amount(object? cell)
    {
        switch (cell)
        {
            case null: return Parsed<decimal?>.Ok(null);
            case double x when x < 0: return Parsed<decimal?>.Fail("Nilai tidak boleh negatif.");
            case double x: return Parsed<decimal?>.Ok(Math.Round((decimal)x, 2));
            case decimal m: return Parsed<decimal?>.Ok(m);
        }
        var text = SheetReader.Text(cell);
        if (text is null || text is "-" or "–") return Parsed<decimal?>.Ok(null);
        var scaled = ScaledAmount().Match(text.Replace('\u00A0', ' '));
        if (scaled.Success)
        {
            var number = scaled.Groups["n"].Value.Replace(".", "").Replace(',', '.');
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                return Parsed<decimal?>.Fail($"\"{text}\" tidak dapat dibaca sebagai nilai rupiah. {IndonesianFormat.RupiahExpected}");
            var unit = scaled.Groups["u"].Value.ToLowerInvariant().TrimEnd('.');
            var factor = unit switch
            {
                "rb" or "ribu" => 1_000m,
                "jt" or "juta" => 1_000_000m,
                "m" or "miliar" or "milyar" or "mlyr" or "mld" => 1_000_000_000m,
                _ => 1_000_000_000_000m,
            };
            return Parsed<decimal?>.Ok(Math.Round(n * factor, 2));
        }
        var r = IndonesianFormat.ParseRupiah(text);
        return r.Ok ? Parsed<decimal?>.Ok(r.Value) : Parsed<decimal?>.Fail(r.Error!.Message);
    }

    /// <summary>The naskah form a register's "Jenis" column often holds instead of the kind of cooperation.</summary>
    public enum NaskahForm { KesepakatanBersama, PerjanjianKerjaSama, NotaKesepakatan }

    /// <summary>What a "Jenis" / "Bentuk Kerja Sama" cell says: a kind of cooperation (KSDD, KSDPK, KSDPL, KSDLL, Sinergi),
    /// a naskah form (MoU, KB, PKS, NK) from which the kind follows the partner, or both ("PKS KSDPK").</summary>
    public sealed record KindText(CooperationKind? Kind, NaskahForm? Form);

    public static Parsed<KindText?> Kind(object? cell)
    {
        var text = SheetReader.Text(cell);
        if (text is null) return Parsed<KindText?>.Ok(null);
        var t = " " + Normalize(text) + " ";
        CooperationKind? kind = null;
        if (t.Contains(" ksdln ") || t.Contains(" luar negeri ") && !t.Contains(" ksdpl ") && !t.Contains(" ksdll "))
            return Parsed<KindText?>.Fail($"\"{text}\": kerja sama luar negeri dicatat sebagai KSDPL (dengan pemerintah daerah di luar negeri) atau KSDLL (dengan lembaga di luar negeri). Pilih salah satu.");
        if (t.Contains(" ksdd ") || t.Contains(" antar daerah ") || t.Contains(" antardaerah ") || t.Contains(" daerah lain "))
            kind = t.Contains(" wajib ") ? CooperationKind.KsddWajib : CooperationKind.KsddSukarela;
        else if (t.Contains(" ksdpk ") || t.Contains(" pihak ketiga ")) kind = CooperationKind.Ksdpk;
        else if (t.Contains(" ksdpl ")) kind = CooperationKind.Ksdpl;
        else if (t.Contains(" ksdll ")) kind = CooperationKind.Ksdll;
        else if (t.Contains(" sinergi ") || t.Contains(" pemerintah pusat ")) kind = CooperationKind.Sinergi;
        NaskahForm? form = null;
        if (t.Contains(" pks ") || t.Contains(" perjanjian kerja sama ") || t.Contains(" perjanjian kerjasama ") || t.Contains(" perjanjian ") || t.Contains(" kontrak "))
            form = NaskahForm.PerjanjianKerjaSama;
        else if (t.Contains(" mou ") || t.Contains(" kb ") || t.Contains(" kesepakatan bersama ") || t.Contains(" nota kesepahaman ") || t.Contains(" memorandum "))
            form = NaskahForm.KesepakatanBersama;
        else if (t.Contains(" nk ") || t.Contains(" nota kesepakatan ")) form = NaskahForm.NotaKesepakatan;
        if (kind is null && form is null)
            return Parsed<KindText?>.Fail($"Jenis \"{text}\" tidak dikenal. Tulis jenis kerja sama (KSDD, KSDPK, KSDPL, KSDLL, Sinergi) atau bentuk naskahnya (KB/MoU, PKS, Nota Kesepakatan).");
        return Parsed<KindText?>.Ok(new KindText(kind, form));
    }

    /// <summary>The kind of cooperation a naskah form implies with this partner (UU 23/2014 Ps 363: the partner decides it).</summary>
    public static CooperationKind? KindFor(PartnerKind? partner, bool partnerIsRegion) => partnerIsRegion ? CooperationKind.KsddSukarela : partner switch
    {
        null => null,
        PartnerKind.Region => CooperationKind.KsddSukarela,
        PartnerKind.CentralGovernmentBody => CooperationKind.Sinergi,
        PartnerKind.ForeignLocalGovernment => CooperationKind.Ksdpl,
        PartnerKind.ForeignInstitution => CooperationKind.Ksdll,
        _ => CooperationKind.Ksdpk,
    };

    /// <summary>The kind of a partner read from its name ("PT …" a company, "Universitas …" a university); null when the
    /// name does not say.</summary>
    public static PartnerKind? PartnerKindOf(string name)
    {
        var t = " " + Normalize(name) + " ";
        if (t.Contains(" persero ") || t.Contains(" bumn ")) return PartnerKind.StateOwnedEnterprise;
        if (t.Contains(" perumda ") || t.Contains(" perseroda ") || t.Contains(" pdam ") || t.Contains(" bumd ") || t.Contains(" bank pembangunan daerah ")) return PartnerKind.RegionOwnedEnterprise;
        if (t.Contains(" koperasi ") || t.Contains(" kud ")) return PartnerKind.Cooperative;
        if (t.Contains(" universitas ") || t.Contains(" univ ") || t.Contains(" institut ") || t.Contains(" politeknik ") || t.Contains(" sekolah tinggi ")
            || t.Contains(" akademi ") || t.StartsWith(" stie ") || t.StartsWith(" stmik ")) return PartnerKind.University;
        if (t.Contains(" kementerian ") || t.Contains(" badan pusat ") || t.Contains(" kantor wilayah ") || t.Contains(" kanwil ") || t.Contains(" kepolisian ")
            || t.Contains(" kejaksaan ") || t.Contains(" pengadilan ") || t.Contains(" komando ") || t.Contains(" balai besar ") || t.Contains(" badan nasional ")) return PartnerKind.CentralGovernmentBody;
        if (t.Contains(" yayasan ") || t.Contains(" perkumpulan ") || t.Contains(" lembaga swadaya ") || t.Contains(" lsm ") || t.Contains(" forum ") || t.Contains(" asosiasi ")
            || t.Contains(" ikatan ") || t.Contains(" himpunan ")) return PartnerKind.CivilSocietyOrganization;
        if (t.StartsWith(" pt ") || t.StartsWith(" cv ") || t.Contains(" tbk ") || t.StartsWith(" ud ") || t.StartsWith(" pd ") || t.EndsWith(" pt ")) return PartnerKind.PrivateCompany;
        if (t.Contains(" pemerintah kabupaten ") || t.Contains(" pemerintah kota ") || t.Contains(" pemerintah provinsi ") || t.StartsWith(" kabupaten ")
            || t.StartsWith(" kota ") || t.StartsWith(" provinsi ") || t.StartsWith(" pemkab ") || t.StartsWith(" pemkot ") || t.StartsWith(" pemprov ")) return PartnerKind.Region;
        return null;
    }

    /// <summary>A partner's name reduced for matching: legal forms (PT, PT., CV, Tbk, Persero …), punctuation and case
    /// dropped (<see cref="PartnerRegistry.NameKey"/>, the registry's duplicate check), and "Univ." read as "Universitas".</summary>
    public static string PartnerKey(string name)
    {
        var key = PartnerRegistry.NameKey(name);
        return string.Join(' ', key.Split(' ').Select(w => w switch { "univ" => "universitas", "inst" => "institut", "poltek" => "politeknik", _ => w }));
    }

    /// <summary>Lower case, accents and punctuation dropped, spaces collapsed: "Tgl. Berakhir" → "tgl berakhir".</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }

    [GeneratedRegex(@"^(?:rp\.?\s*)?(?<n>\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*(?<u>rb|ribu|jt|juta|m|miliar|milyar|mlyr|mld|t|triliun)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ScaledAmount();

    [GeneratedRegex(@"^(?<d>\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}")]
    private static partial Regex DateTimeText();
}

/// <summary>Region names to official codes from the Regions table, loaded once: "Kab. Bandung", "Kabupaten Bandung",
/// "Kota Cimahi", "Provinsi Jawa Barat"; a bare name ("Cimahi") when only one region bears it; otherwise suggestions
/// (the regions of that name, or the nearest names by Damerau-Levenshtein distance, <see cref="SearchVocabulary.Distance"/>).</summary>
public sealed class RegionMatcher
{
    private readonly Dictionary<string, Region> _exact = [];
    private readonly Dictionary<string, List<Region>> _bare = [];
    private readonly List<(string Key, Region Region)> _all = [];
    private readonly Dictionary<string, RegionMatch> _memo = [];

    public RegionMatcher(IEnumerable<Region> regions)
    {
        foreach (var r in regions)
        {
            var full = Key(r.FullName);
            _exact[full] = r;
            _all.Add((full, r));
            var bare = Key(r.Level == RegionLevel.Province ? r.Name : Bare(r.Name));
            if (!_bare.TryGetValue(bare, out var list)) _bare[bare] = list = [];
            list.Add(r);
        }
    }

    public sealed record RegionMatch(Region? Region, IReadOnlyList<Region> Suggestions, string? Warning);

    public RegionMatch Match(string text)
    {
        if (_memo.TryGetValue(text, out var memo)) return memo;
        var key = Key(text);
        RegionMatch result;
        if (_exact.TryGetValue(key, out var exact)) result = new(exact, [], null);
        else if (_bare.TryGetValue(key, out var bare) && bare.Count == 1)
            result = new(bare[0], [], $"\"{text}\" dibaca sebagai {bare[0].FullName}.");
        else if (bare is { Count: > 1 }) result = new(null, bare, null);
        else
        {
            var suggestions = _all.Select(a => (a.Region, d: SearchVocabulary.Distance(key, a.Key, 4))).Where(x => x.d <= Math.Max(2, key.Length / 5))
                .OrderBy(x => x.d).ThenBy(x => x.Region.Code, StringComparer.Ordinal).Take(3).Select(x => x.Region).ToList();
            result = new(null, suggestions, null);
        }
        _memo[text] = result;
        return result;
    }

    /// <summary>"Kab. Bandung", "Kab Bandung", "Pemkab Bandung", "Pemerintah Kabupaten Bandung" → "kabupaten bandung".</summary>
    public static string Key(string text)
    {
        var words = ImportValues.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "pemerintah") words.RemoveAt(0);
        if (words.Count > 0)
            words[0] = words[0] switch
            {
                "kab" or "kabupaten" or "pemkab" => "kabupaten",
                "kota" or "pemkot" or "kotamadya" => "kota",
                "prov" or "provinsi" or "pemprov" or "propinsi" => "provinsi",
                _ => words[0],
            };
        return string.Join(' ', words);
    }

    private static string Bare(string name) =>
        name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? name["Kabupaten ".Length..] : name.StartsWith("Kota ", StringComparison.Ordinal) ? name["Kota ".Length..] : name;
}
