namespace Jalin.Core.Common;

/// <summary>How sure a legal fact encoded in Jalin is (for maintainers and the generated docs,
/// never shown to a person as a tag). What a person reads is the citation itself ("PP 28/2018
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
    public const string Legend = "Kolom kepastian hanya untuk pemelihara: \"teks\" dibaca dalam teks peraturan yang disebut, \"praktik satu daerah\", "
        + "\"inferensi\", \"belum diketahui\" (nilai pengaturan daerah). Kolom ini tidak pernah ditampilkan kepada pengguna; pengguna membaca kolom dasar.";

    /// <summary>The certainty in words, for the maintainers' column of docs/lifecycle.md and docs/muatan.md.</summary>
    public static string Words(this Certainty c) => c switch
    {
        Certainty.Verified => "teks",
        Certainty.LocalPractice => "praktik satu daerah",
        Certainty.Inferred => "inferensi",
        _ => "belum diketahui",
    };
}
