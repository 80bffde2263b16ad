using Jalin.Core.Agreements;
using Jalin.Core.Common;

namespace Jalin.Core.Regions;

/// <summary>How two regions touch, per <c>Data/Reference/bordering.csv</c>.</summary>
public enum BorderKind
{
    /// <summary>They share a stretch of land boundary.</summary>
    Line,
    /// <summary>In the data they meet only at (or within about 55 m of) one point, e.g. a summit tripoint.</summary>
    Point,
    /// <summary>A province and a kabupaten/kota inside it (UU 23/2014 Pasal 364 ayat (2) huruf b).</summary>
    Within,
}

public sealed record Neighbour(string Code, BorderKind Kind);

/// <summary>Which regions border each other, for the KSDD wajib rule (PP 28/2018 Pasal 3 ayat (2):
/// kerja sama wajib "dilaksanakan oleh 2 (dua) atau lebih daerah yang berbatasan"; UU 23/2014
/// Pasal 364 ayat (1): "kerja sama antar-Daerah yang berbatasan").
/// <para>Read once, lazily, from the embedded <c>bordering.csv</c> (land borders only; source,
/// method and limits in <c>Data/Reference/BORDERING.md</c>, ODbL). The rule implemented here:</para>
/// <list type="bullet">
/// <item>kabupaten/kota – kabupaten/kota, and province – province: bordering when the pair is in the
/// file (<c>line</c> or <c>point</c>; a single-point contact counts as bordering, the officer sees it
/// as such in the neighbour list);</item>
/// <item>province – kabupaten/kota in that province: bordering. The data does not cover this pair
/// (one lies inside the other), but UU 23/2014 Pasal 364 ayat (2) huruf b names "kerja sama antara
/// Daerah provinsi dan Daerah kabupaten/kota dalam wilayahnya" as a kerja sama wajib
/// (<see cref="Certainty.Inferred"/>: read as "berbatasan" for this purpose);</item>
/// <item>province – kabupaten/kota of another province: bordering when the kabupaten/kota borders
/// some kabupaten/kota of that province (as BORDERING.md advises; Pasal 364 ayat (2) huruf c).</item>
/// </list>
/// Sea borders are not counted: an island region with only sea neighbours needs the officer's
/// confirmation with a written reason (<see cref="KsddBordering"/>).</summary>
public static class Borders
{
    public const string RuleText =
        "kabupaten/kota dengan kabupaten/kota dan provinsi dengan provinsi berbatasan bila bersinggungan darat; " +
        "kabupaten/kota berbatasan dengan provinsinya sendiri (UU 23/2014 Pasal 364 ayat (2) huruf b) " +
        "dan dengan provinsi lain bila bersinggungan darat dengan salah satu kabupaten/kotanya";

    private sealed record Table(Dictionary<string, Dictionary<string, BorderKind>> Pairs, HashSet<string> Provinces, Dictionary<string, List<string>> RegenciesOf);

    private static readonly Lazy<Table> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the code is a province or kabupaten/kota of the reference list.</summary>
    public static bool IsKnown(string code) =>
        Data.Value.Provinces.Contains(code) || (IsRegency(code) && Data.Value.RegenciesOf.TryGetValue(ProvinceOf(code), out var list) && list.Contains(code));

    public static bool Border(string a, string b) => Kind(a, b) is not null;

    /// <summary>How <paramref name="a"/> and <paramref name="b"/> border, or null when they do not (or a code is unknown).</summary>
    public static BorderKind? Kind(string a, string b)
    {
        if (a == b || !IsKnown(a) || !IsKnown(b)) return null;
        var t = Data.Value;
        if (IsRegency(a) == IsRegency(b))
            return t.Pairs.TryGetValue(a, out var row) && row.TryGetValue(b, out var kind) ? kind : null;
        var (province, regency) = IsRegency(a) ? (b, a) : (a, b);
        if (ProvinceOf(regency) == province) return BorderKind.Within;
        BorderKind? best = null;
        if (t.Pairs.TryGetValue(regency, out var neighbours))
            foreach (var (code, kind) in neighbours)
                if (IsRegency(code) && ProvinceOf(code) == province && (best is null || kind == BorderKind.Line)) best = kind;
        return best;
    }

    /// <summary>Every region that borders <paramref name="code"/> under the rule above, by code; empty for an unknown code.</summary>
    public static IReadOnlyList<Neighbour> Neighbours(string code)
    {
        if (!IsKnown(code)) return [];
        var t = Data.Value;
        var candidates = new HashSet<string>();
        if (t.Pairs.TryGetValue(code, out var direct)) candidates.UnionWith(direct.Keys);
        if (IsRegency(code))
        {
            candidates.Add(ProvinceOf(code));
            foreach (var other in direct?.Keys ?? Enumerable.Empty<string>()) if (IsRegency(other)) candidates.Add(ProvinceOf(other));
        }
        else
        {
            var own = t.RegenciesOf.GetValueOrDefault(code) ?? [];
            candidates.UnionWith(own);
            foreach (var r in own)
                if (t.Pairs.TryGetValue(r, out var across)) candidates.UnionWith(across.Keys.Where(IsRegency));
        }
        return candidates.Select(c => (c, Kind(code, c))).Where(x => x.Item2 is not null)
            .Select(x => new Neighbour(x.c, x.Item2!.Value)).OrderBy(n => n.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The regions of <paramref name="codes"/> that border no other region of the set
    /// (each party of a KSDD wajib must border at least one other party). Order kept; duplicates ignored.</summary>
    public static IReadOnlyList<string> NotBorderingAnyOther(IEnumerable<string> codes)
    {
        var set = codes.Distinct().ToList();
        return set.Where(c => !set.Any(o => o != c && Border(c, o))).ToList();
    }

    private static bool IsRegency(string code) => code.Length == 5 && code[2] == '.';
    private static string ProvinceOf(string regency) => regency[..2];

    private static Table Load()
    {
        var pairs = new Dictionary<string, Dictionary<string, BorderKind>>(StringComparer.Ordinal);
        void Link(string a, string b, BorderKind kind)
        {
            if (!pairs.TryGetValue(a, out var row)) pairs[a] = row = new(StringComparer.Ordinal);
            row[b] = kind;
        }
        foreach (var f in ReadCsv("bordering.csv"))
        {
            var kind = f[3] switch
            {
                "line" => BorderKind.Line,
                "point" => BorderKind.Point,
                _ => throw new InvalidDataException($"bordering.csv: jenis '{f[3]}' tidak dikenal"),
            };
            Link(f[0], f[1], kind);
            Link(f[1], f[0], kind);
        }
        var provinces = ReadCsv("provinces.csv").Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        var regencies = ReadCsv("regencies.csv").GroupBy(f => f[1]).ToDictionary(g => g.Key, g => g.Select(f => f[0]).ToList(), StringComparer.Ordinal);
        return new Table(pairs, provinces, regencies);
    }

    private static List<string[]> ReadCsv(string name)
    {
        var asm = typeof(Borders).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(line.Split(',', 4));
        return rows;
    }
}

/// <summary>The KSDD wajib bordering rule on an agreement's parties: every party region borders at
/// least one other party (<see cref="Borders"/>), unless the officer confirmed bordering with a
/// written reason (e.g. an island region with only sea borders, which the land data cannot show).</summary>
public static class KsddBordering
{
    /// <summary>Field messages for registration/edit of a KSDD wajib: the owner and the other parties.</summary>
    public static IEnumerable<(string Field, string Message)> Validate(string ownerCode, string? ownerName, IEnumerable<AgreementParty> others,
        bool confirmed, string? note)
    {
        if (confirmed)
        {
            if (string.IsNullOrWhiteSpace(note))
                yield return ("borderingNote", "Tulis alasan konfirmasi perbatasan, misalnya daerah kepulauan yang hanya berbatasan laut (PP 28/2018 Pasal 3 ayat (2)).");
            yield break;
        }
        var parties = new List<(string Code, string Name)> { (ownerCode, ownerName ?? ownerCode) };
        parties.AddRange(others.Where(p => p.RegionCode is not null).Select(p => (p.RegionCode!, p.Name)));
        if (parties.Count < 2) yield break; // "paling sedikit satu Daerah lain" is reported elsewhere
        if (Message(parties) is { } message) yield return ("parties", message);
    }

    /// <summary>Lifecycle prerequisite: all parties border per the data, or confirmed with a note.</summary>
    public static bool IsMet(Agreement a) =>
        (a.BorderingConfirmed && !string.IsNullOrWhiteSpace(a.BorderingNote))
        || (a.Parties.Count(p => p.RegionCode is not null) >= 2
            && Borders.NotBorderingAnyOther(a.Parties.Where(p => p.RegionCode is not null).Select(p => p.RegionCode!)).Count == 0);

    /// <summary>Names each region that borders no other party, with the parties it does not border
    /// (a pair already named is not repeated); null when every party borders another.</summary>
    public static string? Message(IReadOnlyList<(string Code, string Name)> parties)
    {
        var isolated = Borders.NotBorderingAnyOther(parties.Select(p => p.Code));
        if (isolated.Count == 0) return null;
        var named = new HashSet<(string, string)>();
        var parts = new List<string>();
        foreach (var code in isolated)
        {
            var self = parties.First(p => p.Code == code);
            var against = parties.Where(o => o.Code != code && named.Add(Key(code, o.Code))).Select(o => o.Name).Distinct().ToList();
            if (against.Count > 0) parts.Add($"{self.Name} tidak berbatasan dengan {Join(against)}");
        }
        return "KSDD wajib dilaksanakan oleh Daerah yang berbatasan (PP 28/2018 Pasal 3 ayat (2); UU 23/2014 Pasal 364 ayat (1)). "
            + $"Menurut data batas darat antardaerah, {string.Join("; ", parts)}. "
            + $"Setiap pihak harus berbatasan dengan paling sedikit satu pihak lain: {Borders.RuleText}. "
            + "Bila para pihak memang berbatasan (misalnya hanya berbatasan laut), centang konfirmasi perbatasan dan tulis alasannya.";
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static string Join(List<string> names) => names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} dan {names[^1]}";
}
