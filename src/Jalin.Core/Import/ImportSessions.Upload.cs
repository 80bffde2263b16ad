using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Import;

public static partial class ImportSessions
{
    public static readonly FileKind XlsxKind = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind CsvKind = new("CSV", "text/csv", ".csv");

    /// <summary>Checks the file (size, real XLSX or text CSV, no macros, no zip bomb, not too many rows), reads it, finds
    /// the header row, suggests a mapping from the header names, and keeps the file and the session. Nothing is kept
    /// when the file is refused.</summary>
    public static async Task<Result<ImportSessionView>> UploadAsync(JalinDb db, FileStore files, ImportOptions options, CurrentActor actor,
        UploadImportRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var region = actor.Role == Role.System ? request.RegionCode : actor.RegionCode;
        if (!ImportAccess.CanImportInto(actor, region)) return new ForbiddenError(ImportAccess.Forbidden);
        if (request.Target is not { } target || !Enum.IsDefined(target))
            return ValidationError.Of("target", $"Pilih isi register: {string.Join(", ", Enum.GetNames<ImportTarget>())}.");
        if (request.Content is not { Length: > 0 } content) return ValidationError.Of("file", "Pilih berkas register (.xlsx atau .csv).");
        if (content.LongLength > options.MaxBytes) return new TooLargeError(ImportFileCheck.TooLarge(options.MaxBytes));
        var (format, refusal) = ImportFileCheck.Check(content, request.FileName, options);
        if (refusal is not null) return ValidationError.Of("file", refusal);

        Sheet sheet;
        try
        {
            sheet = SheetReader.Read(content, format!.Value, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException or NullReferenceException or IndexOutOfRangeException or ArgumentException)
        {
            return ValidationError.Of("file", ImportFileCheck.NotRegister);
        }
        var dataRows = sheet.Rows.Count(r => !r.IsBlank);
        if (dataRows > options.MaxRows + 30)
            return ValidationError.Of("file", $"Register berisi {dataRows:N0} baris; paling banyak {options.MaxRows:N0} baris per impor. Pecah menjadi beberapa berkas.".Replace(',', '.'));
        var header = SheetReader.FindHeader(sheet);
        if (header is null)
            return ValidationError.Of("file", "Baris judul kolom tidak ditemukan: 30 baris pertama tidak memuat baris dengan paling sedikit tiga nama kolom. Pastikan register memiliki baris judul kolom (misalnya No, Nomor Perjanjian, Nama Mitra).");

        var blob = await db.StoreAsync(files, content, format == ImportFileFormat.Xlsx ? XlsxKind : CsvKind, clock, ct);
        var now = clock.GetUtcNow();
        var session = new ImportSession
        {
            RegionCode = region!, Target = target, Status = ImportStatus.Uploaded, CreatedBy = actor.UserName, CreatedByName = actor.FullName,
            CreatedAt = now, UpdatedAt = now, FileName = SafeName(request.FileName, format!.Value), FileSha256 = blob.Sha256, FileSize = blob.Size,
            Format = format.Value, SheetName = sheet.SheetName, HeaderRow = header.HeaderRow, SubHeaderRow = header.SubHeaderRow,
            RowsTotal = sheet.Rows.Count(r => r.Number >= header.FirstDataRow && !r.IsBlank),
        };
        session.SetHeaders(header.Names);
        session.SetMapping(ImportFields.Suggest(target, header.Names));
        db.ActingAs(actor).ImportSessions.Add(session);
        await db.SaveChangesAsync(ct);
        ImportSheets.Remember(session, sheet);
        return View(session, sheet.SheetNames);
    }

    private static string SafeName(string? name, ImportFileFormat format)
    {
        var file = Path.GetFileName(name ?? "").Trim();
        if (file.Length == 0) file = format == ImportFileFormat.Xlsx ? "register.xlsx" : "register.csv";
        return file.Length > 200 ? file[..200] : file;
    }
}
