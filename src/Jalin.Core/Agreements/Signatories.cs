using System.Text.RegularExpressions;

namespace Jalin.Core.Agreements;

/// <summary>Whether a party's signatory acts as its head of region.</summary>
public enum SignatoryStanding
{
    /// <summary>No office recorded.</summary>
    Unknown,
    /// <summary>Gubernur, bupati, wali kota (PP 28/2018 Ps 2(1), Ps 13(1)).</summary>
    HeadOfRegion,
    /// <summary>Penjabat (Pj.) or Pelaksana Tugas (Plt.) of the head of region: counts as the head, with limited powers.</summary>
    ActingHead,
    /// <summary>Anyone else: an official of a perangkat daerah, a Pelaksana Harian (Plh.), a wakil kepala daerah in his own capacity.</summary>
    Other,
}

/// <summary>Reads a signatory's office ("Wali Kota Cimahi", "Pj. Bupati Garut", "Plh. Sekretaris
/// Daerah") as the law sees it: the heads of region sign the KB themselves; a surat kuasa to an
/// official of a perangkat daerah is for the PKS only (PP 28/2018 Ps 2(2), Ps 13(2)).</summary>
public static partial class Signatories
{
    private const string Head = @"(gubernur|bupati|wali\s*kota|walikota|kepala\s+daerah)\b";

    [GeneratedRegex(@"^(pj\.?|penjabat)\s+(sementara\s+)?" + Head, RegexOptions.IgnoreCase)]
    private static partial Regex Pj();

    [GeneratedRegex(@"^(plt\.?|pelaksana\s+tugas)\s+" + Head, RegexOptions.IgnoreCase)]
    private static partial Regex Plt();

    [GeneratedRegex(@"^" + Head, RegexOptions.IgnoreCase)]
    private static partial Regex Titular();

    public static SignatoryStanding Standing(string? office)
    {
        if (string.IsNullOrWhiteSpace(office)) return SignatoryStanding.Unknown;
        var o = Regex.Replace(office.Trim(), @"\s+", " ");
        if (Pj().IsMatch(o) || Plt().IsMatch(o)) return SignatoryStanding.ActingHead;
        // A Pelaksana Harian (Plh.) and a wakil kepala daerah signing in his own capacity are not the head.
        if (Titular().IsMatch(o)) return SignatoryStanding.HeadOfRegion;
        return SignatoryStanding.Other;
    }

    public static bool ActsAsHead(string? office) => Standing(office) is SignatoryStanding.HeadOfRegion or SignatoryStanding.ActingHead;

    /// <summary>The note the record shows for a Pj. or Plt. signatory.</summary>
    public static string? Note(string? office) => Standing(office) == SignatoryStanding.ActingHead
        ? $"{office!.Trim()} bertindak sebagai kepala daerah; kewenangan penjabat atau pelaksana tugas kepala daerah dibatasi peraturan perundang-undangan "
          + "(untuk pelaksana tugas: UU 23/2014 Pasal 65–66). Pastikan tindakan ini termasuk yang boleh dilakukannya atau telah mendapat persetujuan yang diperlukan."
        : null;
}
