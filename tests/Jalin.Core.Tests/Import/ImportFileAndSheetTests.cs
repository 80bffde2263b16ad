using System.Security.Cryptography;
using System.Text;
using Jalin.Core.Import;
using Jalin.Tests.Shared;

namespace Jalin.Core.Tests.Import;

/// <summary>The checks before parsing (hostile files refused with their reasons), and reading a messy register: the
/// header found under title rows, merged header cells named with their sub-header, blank rows, and the mapping suggested.</summary>
public sealed class ImportFileAndSheetTests
{
    private static readonly ImportOptions Options = new();

    [Fact]
    public void ARealWorkbook_AndTextCsv_AreAccepted()
    {
        Assert.Equal((ImportFileFormat.Xlsx, null), ImportFileCheck.Check(LegacyRegisters.Messy("ok"), "register.xlsx", Options));
        Assert.Equal((ImportFileFormat.Csv, null), ImportFileCheck.Check(Encoding.UTF8.GetBytes("No;Nama Mitra;Jenis\n1;PT Maju;PKS\n"), "register.csv", Options));
    }

    [Fact]
    public void AZipBomb_IsRefusedFromItsDirectory_BeforeAnythingIsUnpacked()
    {
        var bomb = LegacyRegisters.Bomb(LegacyRegisters.Messy("bom"), 300);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is small on disk ({bomb.Length} bytes)");
        var (format, refusal) = ImportFileCheck.Check(bomb, "register.xlsx", Options);
        Assert.Null(format);
        Assert.Equal(ImportFileCheck.Bomb(Options), refusal);
        Assert.Contains("terlalu besar setelah dibuka", refusal);
    }

    [Fact]
    public void AHighlyCompressedPart_UnderTheSizeLimits_IsRefusedByItsRatio()
    {
        var bomb = LegacyRegisters.Bomb(LegacyRegisters.Messy("rasio"), 40);
        Assert.Equal(ImportFileCheck.Bomb(Options), ImportFileCheck.Check(bomb, "register.xlsx", Options).Refusal);
    }

    [Fact]
    public void A100MegabyteFile_IsRefusedBySize()
    {
        var big = new byte[100 * 1024 * 1024];
        Assert.Equal("Berkas terlalu besar (paling besar 20 MB). Pecah register menjadi beberapa berkas, lalu impor satu per satu.",
            ImportFileCheck.Check(big, "register.xlsx", Options).Refusal);
    }

    [Fact]
    public void AMacroEnabledWorkbook_IsRefused_ByItsContent_AndByItsName()
    {
        Assert.Equal(ImportFileCheck.Macro, ImportFileCheck.Check(LegacyRegisters.WithMacro(LegacyRegisters.Messy("makro")), "register.xlsx", Options).Refusal);
        Assert.Equal(ImportFileCheck.Macro, ImportFileCheck.Check(LegacyRegisters.Messy("nama"), "register.xlsm", Options).Refusal);
    }

    [Fact]
    public void APdfRenamedXlsx_RandomBytes_AndADocx_AreNotRegisters()
    {
        Assert.Equal(ImportFileCheck.NotRegister, ImportFileCheck.Check(LegacyRegisters.Pdf("bukan register"), "register.xlsx", Options).Refusal);
        Assert.Equal(ImportFileCheck.NotRegister, ImportFileCheck.Check(RandomNumberGenerator.GetBytes(4096), "register.xlsx", Options).Refusal);
        Assert.Equal(ImportFileCheck.NotRegister, ImportFileCheck.Check(RandomNumberGenerator.GetBytes(4096), "register.csv", Options).Refusal);
        Assert.Equal(ImportFileCheck.NotRegister, ImportFileCheck.Check(HostileFiles.Docx("naskah"), "register.xlsx", Options).Refusal);
    }

    [Fact]
    public void MessyRegister_HeaderUnderTheTitle_MergedHeaderNamedWithItsSubHeader()
    {
        var sheet = SheetReader.Read(LegacyRegisters.Messy("x"), ImportFileFormat.Xlsx, null);
        var header = SheetReader.FindHeader(sheet)!;
        Assert.Equal(4, header.HeaderRow);
        Assert.Equal(5, header.SubHeaderRow);
        Assert.Equal(6, header.FirstDataRow);
        Assert.Equal(["No.", "Nomor Perjanjian", "Judul Kerja Sama", "Nama Mitra", "Daerah Mitra", "Jenis", "Jangka Waktu Mulai", "Jangka Waktu Berakhir",
            "Nilai Kontrak (Rp)", "OPD Pelaksana"], header.Names);
        // Row numbers are the spreadsheet's: the record after the blank row 7 is row 8.
        Assert.Equal("415.4/x/PKS", sheet.Rows.Single(r => r.Number == 8)[1]);
        Assert.True(sheet.Rows.Single(r => r.Number == 7).IsBlank);
        Assert.IsType<DateTime>(sheet.Rows.Single(r => r.Number == 8)[6]);
    }

    [Fact]
    public void Mapping_IsSuggestedFromTheHeaderNames()
    {
        var sheet = SheetReader.Read(LegacyRegisters.Messy("x"), ImportFileFormat.Xlsx, null);
        var mapping = ImportFields.Suggest(ImportTarget.Agreements, SheetReader.FindHeader(sheet)!.Names);
        Assert.Equal(new Dictionary<string, int>
        {
            ["number"] = 1, ["title"] = 2, ["partner"] = 3, ["partnerRegion"] = 4, ["kind"] = 5, ["startsOn"] = 6, ["endsOn"] = 7, ["value"] = 8, ["agency"] = 9,
        }.OrderBy(k => k.Key), mapping.OrderBy(k => k.Key));
        Assert.Empty(ImportFields.Missing(ImportTarget.Agreements, mapping));
    }

    [Theory]
    [InlineData("No.", "number")]
    [InlineData("Nomor Naskah", "number")]
    [InlineData("Pihak Kedua", "partner")]
    [InlineData("Mitra Kerja Sama", "partner")]
    [InlineData("Tgl. Mulai", "startsOn")]
    [InlineData("Tanggal Penandatanganan", "signedOn")]
    [InlineData("Tgl. Berakhir", "endsOn")]
    [InlineData("Masa Berlaku s.d.", "endsOn")]
    [InlineData("Bentuk Kerja Sama", "kind")]
    [InlineData("Nilai", "value")]
    [InlineData("Perangkat Daerah", "agency")]
    [InlineData("Urusan", "affair")]
    [InlineData("Kabupaten/Kota", "partnerRegion")]
    public void Mapping_KnowsTheSynonymsRegistersUse(string header, string field) =>
        Assert.Equal(field, ImportFields.Suggest(ImportTarget.Agreements, ["Keterangan lain", header]).Single(m => m.Value == 1).Key);

    [Fact]
    public void Mapping_ARequiredFieldLeftOut_IsAClearProblem()
    {
        var missing = ImportFields.Missing(ImportTarget.Agreements, new Dictionary<string, int> { ["title"] = 0 });
        Assert.Equal(["Kolom wajib \"Jenis kerja sama / bentuk naskah\" belum dipetakan ke kolom mana pun.",
            "Petakan salah satu kolom wajib: \"Mitra (nama)\" atau \"Daerah mitra\"."], missing);
    }

    [Fact]
    public void Csv_SemicolonWindows1252_QuotedFieldsWithLineBreaks()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Daftar Mitra\r\nNama Mitra;Jenis Mitra;Alamat\r\n\"PT Cahaya; Terang\";Badan usaha swasta;\"Jl. Raya 1\r\nCimahi\"\r\nKoperasi Kopi Priangan;Koperasi;\"Jl. \"\"Baru\"\" 2\"\r\n\r\nYayasan Peduli Sesama – Cimahi;;\r\n";
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var sheet = SheetReader.Read(bytes, ImportFileFormat.Csv, null);
        var header = SheetReader.FindHeader(sheet)!;
        Assert.Equal(2, header.HeaderRow);
        Assert.Equal(["Nama Mitra", "Jenis Mitra", "Alamat"], header.Names);
        Assert.Equal("PT Cahaya; Terang", sheet.Rows[2][0]);
        Assert.Equal("Jl. Raya 1\r\nCimahi", sheet.Rows[2][2]);
        Assert.Equal("Jl. \"Baru\" 2", sheet.Rows[3][2]);
        Assert.Equal("Yayasan Peduli Sesama – Cimahi", sheet.Rows[5][0]);
    }

    [Fact]
    public void Csv_CommaSeparatedUtf8WithBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Nama,Singkatan,Kepala\nDinas Sosial,Dinsos,\"Drs. A, M.Si\"\n")).ToArray();
        var sheet = SheetReader.Read(bytes, ImportFileFormat.Csv, null);
        Assert.Equal(["Nama", "Singkatan", "Kepala"], SheetReader.FindHeader(sheet)!.Names);
        Assert.Equal("Drs. A, M.Si", sheet.Rows[1][2]);
    }
}
