namespace Jalin.Core.Import;

/// <summary>A field of Jalin a sheet column can fill: its code (the API's), its Indonesian label, whether the import
/// needs it, and the header names registers use for it (compared after <see cref="ImportValues.Normalize"/>).</summary>
public sealed record ImportField(string Code, string Label, bool Required, string[] Synonyms, string? RequiredGroup = null);

/// <summary>The fields per target and the mapping suggested from a sheet's header names.</summary>
public static class ImportFields
{
    public const string Number = "number", Title = "title", Kind = "kind", Partner = "partner", PartnerRegion = "partnerRegion", PartnerKind = "partnerKind",
        SignedOn = "signedOn", StartsOn = "startsOn", EndsOn = "endsOn", Value = "value", Agency = "agency", Affair = "affair", Object = "object",
        Name = "name", ShortName = "shortName", HeadTitle = "headTitle", HeadName = "headName", Address = "address", Email = "email", Phone = "phone",
        Nib = "nib", Npwp = "npwp", Website = "website", Region = "region", PlannedStart = "plannedStart", Background = "background", Ignore = "";

    private static readonly ImportField[] AgreementFields =
    [
        new(Number, "Nomor naskah", false, ["no", "no naskah", "nomor", "nomor perjanjian", "nomor naskah", "nomor kerja sama", "nomor kerjasama", "no perjanjian", "nomor pks", "nomor kb", "nomor mou", "no kerja sama", "nomor surat"]),
        new(Title, "Judul / perihal", true, ["judul", "perihal", "tentang", "judul kerja sama", "judul kerjasama", "nama kerja sama", "nama kerjasama", "judul perjanjian", "uraian", "kegiatan"]),
        new(Kind, "Jenis kerja sama / bentuk naskah", true, ["jenis", "jenis kerja sama", "jenis kerjasama", "bentuk", "bentuk kerja sama", "bentuk kerjasama", "bentuk naskah", "jenis naskah", "jenis dokumen", "kategori"]),
        new(Partner, "Mitra (nama)", true, ["mitra", "nama mitra", "pihak kedua", "mitra kerja sama", "mitra kerjasama", "pihak mitra", "nama pihak kedua", "para pihak", "pihak"], RequiredGroup: "partner"),
        new(PartnerRegion, "Daerah mitra", true, ["daerah mitra", "kabupaten kota", "kab kota", "pemda mitra", "daerah", "wilayah mitra", "provinsi kabupaten kota"], RequiredGroup: "partner"),
        new(PartnerKind, "Jenis mitra", false, ["jenis mitra", "kategori mitra", "tipe mitra"]),
        new(SignedOn, "Tanggal penandatanganan", false, ["tanggal penandatanganan", "tgl penandatanganan", "tanggal ttd", "tgl ttd", "tanggal ditandatangani", "tanggal naskah"]),
        new(StartsOn, "Tanggal mulai", false, ["tgl mulai", "tanggal mulai", "mulai", "jangka waktu mulai", "masa berlaku mulai", "tanggal berlaku", "berlaku sejak", "tmt", "dari", "jangka waktu dari", "masa berlaku dari"]),
        new(EndsOn, "Tanggal berakhir", false, ["tgl berakhir", "tanggal berakhir", "berakhir", "jangka waktu berakhir", "masa berlaku s d", "masa berlaku sd", "masa berlaku sampai", "berlaku s d", "berlaku sampai", "sampai", "s d", "jangka waktu sampai", "jangka waktu s d", "masa berlaku berakhir", "tanggal selesai", "tgl selesai"]),
        new(Value, "Nilai (Rp)", false, ["nilai", "nilai rp", "nilai kontrak", "nilai kontrak rp", "nilai kerja sama", "nilai kerjasama", "anggaran", "anggaran rp", "biaya", "nilai perjanjian"]),
        new(Agency, "OPD pelaksana", false, ["opd", "opd pelaksana", "perangkat daerah", "perangkat daerah pelaksana", "opd pemrakarsa", "skpd", "skpd pelaksana", "pelaksana", "unit kerja", "opd terkait", "leading sector"]),
        new(Affair, "Urusan", false, ["urusan", "urusan pemerintahan", "bidang", "bidang urusan", "sektor"]),
        new(Object, "Objek / ruang lingkup", false, ["objek", "obyek", "ruang lingkup", "objek kerja sama", "obyek kerja sama", "lingkup"]),
    ];

    private static readonly ImportField[] PartnerFields =
    [
        new(Name, "Nama mitra", true, ["nama", "nama mitra", "mitra", "nama instansi", "nama lembaga", "nama badan usaha", "nama perusahaan", "instansi", "lembaga"]),
        new(PartnerKind, "Jenis mitra", false, ["jenis", "jenis mitra", "kategori", "kategori mitra", "tipe"]),
        new(Region, "Daerah (untuk mitra pemerintah daerah)", false, ["daerah", "kabupaten kota", "kab kota", "wilayah", "kode wilayah"]),
        new(Address, "Alamat", false, ["alamat", "alamat mitra", "alamat kantor"]),
        new(Email, "Surel", false, ["email", "e mail", "surel", "alamat surel"]),
        new(Phone, "Telepon", false, ["telepon", "telp", "no telp", "no hp", "nomor telepon", "hp", "kontak"]),
        new(Nib, "NIB", false, ["nib", "nomor induk berusaha"]),
        new(Npwp, "NPWP", false, ["npwp"]),
        new(Website, "Situs", false, ["website", "situs", "laman", "web"]),
    ];

    private static readonly ImportField[] AgencyFields =
    [
        new(Name, "Nama perangkat daerah", true, ["nama", "nama opd", "nama perangkat daerah", "perangkat daerah", "opd", "skpd", "nama skpd", "unit kerja"]),
        new(ShortName, "Singkatan", false, ["singkatan", "nama singkat", "akronim", "kode"]),
        new(HeadTitle, "Jabatan kepala", false, ["jabatan", "jabatan kepala", "jabatan pimpinan"]),
        new(HeadName, "Nama kepala", false, ["kepala", "nama kepala", "pimpinan", "nama pimpinan", "kepala opd"]),
    ];

    private static readonly ImportField[] ProposalFields =
    [
        new(Title, "Judul usulan", true, ["judul", "judul usulan", "usulan", "nama usulan", "perihal", "kegiatan", "rencana kerja sama"]),
        new(Agency, "OPD pemrakarsa", true, ["opd", "opd pengusul", "opd pemrakarsa", "perangkat daerah", "pengusul", "skpd", "unit kerja"]),
        new(Partner, "Calon mitra", false, ["mitra", "calon mitra", "nama mitra", "mitra kerja sama", "pihak kedua"]),
        new(PartnerRegion, "Daerah calon mitra", false, ["daerah mitra", "kabupaten kota", "kab kota", "daerah"]),
        new(PlannedStart, "Rencana mulai", false, ["rencana mulai", "tanggal mulai", "tgl mulai", "mulai", "rencana pelaksanaan"]),
        new(Value, "Perkiraan nilai (Rp)", false, ["nilai", "anggaran", "perkiraan nilai", "perkiraan biaya", "biaya", "nilai rp", "anggaran rp"]),
        new(Affair, "Urusan", false, ["urusan", "bidang", "bidang urusan", "sektor"]),
        new(Object, "Objek", false, ["objek", "obyek", "objek kerja sama", "ruang lingkup"]),
        new(Background, "Latar belakang", false, ["latar belakang", "alasan", "keterangan", "uraian"]),
    ];

    public static IReadOnlyList<ImportField> For(ImportTarget target) => target switch
    {
        ImportTarget.Agreements => AgreementFields,
        ImportTarget.Partners => PartnerFields,
        ImportTarget.Agencies => AgencyFields,
        _ => ProposalFields,
    };

    /// <summary>The field each header suggests: an exact synonym first, then the longest synonym the header contains
    /// ("Nilai Kontrak (Rp)" → value); each field is given to one column only (the first that names it best).</summary>
    public static Dictionary<string, int> Suggest(ImportTarget target, IReadOnlyList<string> headers)
    {
        var fields = For(target);
        var candidates = new List<(int column, string field, int score)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var h = ImportValues.Normalize(headers[i]);
            // "Jangka Waktu (2)" from a merged header without a sub-header: the number is not part of the name.
            if (h.EndsWith(" 2") || h.EndsWith(" 3")) h = h[..^2];
            if (h.Length == 0) continue;
            foreach (var f in fields)
                foreach (var s in f.Synonyms)
                {
                    var score = h == s ? 1000 + s.Length : Contains(h, s) && s.Length >= 4 ? s.Length : 0;
                    if (score > 0) candidates.Add((i, f.Code, score));
                }
        }
        var mapping = new Dictionary<string, int>();
        var taken = new HashSet<int>();
        foreach (var c in candidates.OrderByDescending(c => c.score).ThenBy(c => c.column))
        {
            if (mapping.ContainsKey(c.field) || taken.Contains(c.column)) continue;
            mapping[c.field] = c.column;
            taken.Add(c.column);
        }
        return mapping;
    }

    private static bool Contains(string header, string synonym) => (" " + header + " ").Contains(" " + synonym + " ", StringComparison.Ordinal);

    /// <summary>Messages for required fields the mapping leaves out (a group is satisfied by any of its fields).</summary>
    public static List<string> Missing(ImportTarget target, IReadOnlyDictionary<string, int> mapping)
    {
        var missing = new List<string>();
        foreach (var group in For(target).Where(f => f.Required).GroupBy(f => f.RequiredGroup ?? f.Code))
            if (!group.Any(f => mapping.ContainsKey(f.Code)))
                missing.Add(group.Count() == 1
                    ? $"Kolom wajib \"{group.First().Label}\" belum dipetakan ke kolom mana pun."
                    : $"Petakan salah satu kolom wajib: {string.Join(" atau ", group.Select(f => $"\"{f.Label}\""))}.");
        return missing;
    }
}
