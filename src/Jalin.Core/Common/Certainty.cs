namespace Jalin.Core.Common;

/// <summary>How sure a legal fact encoded in Jalin is (for maintainers and the generated docs,
/// never shown as a tag to a person). What a person reads is the citation itself ("PP 28/2018
/// Pasal 6 ayat (2)") or, where the law is silent, the words "praktik daerah" / "pengaturan daerah".</summary>
public enum Certainty
{
    /// <summary>Read in the text of the regulation cited.</summary>
    Verified,
    /// <summary>One region's own rule or practice.</summary>
    LocalPractice,
    /// <summary>Inferred from the law and practice, not read in a text.</summary>
    Inferred,
    /// <summary>The rule exists but its text was not available: a region setting.</summary>
    Unknown,
}

public static class CertaintyLabels
{
    /// <summary>The legend of the certainty column in the generated docs (maintainers only).</summary>
    public const string Legend = "Kolom kepastian hanya untuk pemelihara: [V] dibaca dalam teks peraturan yang disebut, [V-local] praktik satu daerah, "
        + "[I] inferensi, [U] belum diketahui (nilai pengaturan daerah). Tanda ini tidak pernah ditampilkan kepada pengguna; pengguna membaca kolom dasar.";

    /// <summary>The maintainers' tag used in docs/*.md ([V], [V-local], [I], [U]).</summary>
    public static string Tag(this Certainty c) => c switch
    {
        Certainty.Verified => "[V]",
        Certainty.LocalPractice => "[V-local]",
        Certainty.Inferred => "[I]",
        _ => "[U]",
    };
}
