using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Cli;

/// <summary>`jalin import`: the same import as the web page (<see cref="ImportSessions"/>, ADR 0013), for a register too
/// large or too many to upload by hand. It acts as a named petugas Bagian Kerja Sama, so the audit names who imported;
/// the session it leaves is listed on the import page like any other and can be finished there.</summary>
public static class ImportCommands
{
    public const string ImportHelp = """
        Penggunaan: jalin import BERKAS.xlsx|BERKAS.csv --user NAMA [--target kerja-sama|mitra|perangkat-daerah|usulan]
                    [--check] [--skip-problems] [--yes]
                    jalin import BERKAS.jalin-daerah.zip [--yes]
          Mengimpor register lama (XLSX atau CSV) ke daerah petugas NAMA (akun petugas Bagian Kerja Sama yang aktif),
          dengan pemeriksaan yang sama dengan halaman Impor: kolom dipetakan dari judulnya, setiap baris diperiksa
          (tanggal, nilai rupiah, nama daerah, mitra ganda), lalu semua baris siap disimpan dalam satu transaksi:
          semua atau tidak sama sekali. Baris bermasalah dicetak dengan nomor barisnya.
          --target        jenis isi berkas (bawaan: kerja-sama)
          --check         hanya periksa; tidak menyimpan (sesi impor tetap ada dan dapat dilanjutkan di halaman Impor)
          --skip-problems lewati baris yang masih bermasalah lalu simpan sisanya
          --yes           tanpa pertanyaan konfirmasi (wajib bila masukan bukan terminal)
          Arsip `jalin export --region` (BERKAS.jalin-daerah.zip) memasukkan seluruh data satu daerah ke instans ini,
          yang boleh sudah berisi daerah lain tetapi belum berisi data daerah itu. Semua isi arsip diperiksa dengan
          sidik SHA-256 lebih dulu; baris ditulis dalam satu transaksi (gagal = tidak ada yang tersimpan); baris pihak
          lain yang sudah ada di sini dibiarkan; indeks pencarian dibangun ulang. Kunci audit harus sama dengan instans
          asal agar `jalin audit verify` tetap utuh.
        Kode keluar: 0 berhasil (atau --check tanpa masalah), 1 gagal menyimpan (tidak ada data tersimpan),
          2 ditolak (berkas ditolak, akun bukan petugas, masih ada baris bermasalah, dibatalkan), 64 penggunaan salah.
        Basis data: Database__Provider=Sqlite|Postgres, ConnectionStrings__Jalin=...; berkas: Files__Root
        """;

    private static readonly Dictionary<string, ImportTarget> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kerja-sama"] = ImportTarget.Agreements, ["mitra"] = ImportTarget.Partners, ["perangkat-daerah"] = ImportTarget.Agencies,
        ["opd"] = ImportTarget.Agencies, ["usulan"] = ImportTarget.Proposals,
    };

    public static async Task<int> ImportAsync(string[] args, DatabaseOptions database, string filesRoot, TextReader stdin, bool stdinRedirected,
        TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var path = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a));
        if (path is not null && File.Exists(path) && BackupCommands.IsJalinArchive(path))
            return await BackupCommands.ImportRegionAsync(path, args, database, filesRoot, stdin, stdinRedirected, stdout, stderr, terminal);
        var userName = Option(args, "--user");
        if (path is null || userName is null)
        {
            stderr.WriteLine(path is null ? "Sebutkan berkas register." : "Isi --user NAMA (akun petugas Bagian Kerja Sama yang mengimpor).");
            stderr.WriteLine(ImportHelp);
            return BackupCommands.UsageError;
        }
        var targetText = Option(args, "--target") ?? "kerja-sama";
        if (!Targets.TryGetValue(targetText, out var target))
        {
            stderr.WriteLine($"--target tidak dikenal: {targetText}. Pilih kerja-sama, mitra, perangkat-daerah atau usulan.");
            return BackupCommands.UsageError;
        }
        if (!File.Exists(path))
        {
            stderr.WriteLine($"Ditolak: berkas {Path.GetFullPath(path)} tidak ada.");
            return BackupCommands.Refused;
        }
        var check = args.Contains("--check");
        var options = new ImportOptions();
        var size = new FileInfo(path).Length;
        if (size > options.MaxBytes)
        {
            stderr.WriteLine($"Ditolak: berkas {size / (1024 * 1024):N0} MB melebihi batas {options.MaxBytes / (1024 * 1024):N0} MB. Pecah register menjadi beberapa berkas.");
            return BackupCommands.Refused;
        }

        await using var db = NewDb(database);
        var files = new FileStore(new FileStoreOptions { Root = filesRoot });
        var clock = TimeProvider.System;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName);
        if (user is not { IsActive: true } || user.Role != Role.CooperationOfficer || user.RegionCode is null)
        {
            stderr.WriteLine($"Ditolak: {userName} bukan akun petugas Bagian Kerja Sama yang aktif. Hanya petugas Bagian Kerja Sama yang dapat mengimpor register ke daerahnya.");
            return BackupCommands.Refused;
        }
        var actor = user.ToActor();

        var uploaded = await ImportSessions.UploadAsync(db, files, options, actor, new UploadImportRequest(target, Path.GetFileName(path), await File.ReadAllBytesAsync(path)), clock);
        if (!uploaded.Ok)
        {
            stderr.WriteLine($"Ditolak: {uploaded.Error!.Message}");
            return BackupCommands.Refused;
        }
        var session = uploaded.Value!;
        stdout.WriteLine($"Impor {session.TargetLabel} dari {session.FileName} ke {user.RegionCode} oleh {actor.FullName}: sesi {session.Id}");
        stdout.WriteLine($"  lembar \"{session.SheetName}\", judul di baris {session.HeaderRow + 1}; {session.RowsTotal:N0} baris data.");
        foreach (var f in session.Fields)
            stdout.WriteLine($"  {f.Label,-28} ← {(f.Header is null ? (f.Required ? "(WAJIB, tidak ditemukan)" : "-") : $"\"{f.Header}\"")}");
        if (session.MappingProblems.Count > 0)
        {
            foreach (var m in session.MappingProblems) stderr.WriteLine($"Pemetaan: {m}");
            stderr.WriteLine($"Ditolak: perbaiki pemetaan kolom di halaman Impor (/app/impor/{session.Id}) atau ubah judul kolom berkas.");
            return BackupCommands.Refused;
        }

        var preview = await ImportSessions.PreviewAsync(db, files, actor, session.Id, 1, 100, onlyProblems: true, clock);
        if (!preview.Ok)
        {
            stderr.WriteLine($"Ditolak: {preview.Error!.Message}");
            return BackupCommands.Refused;
        }
        var p = preview.Value!;
        stdout.WriteLine($"Pemeriksaan: {p.ReadyRows:N0} siap, {p.WarningRows:N0} dengan peringatan, {p.ErrorRows:N0} bermasalah, {p.SkippedRows:N0} dilewati.");
        foreach (var note in p.Notes) stdout.WriteLine($"  Catatan: {note}");
        foreach (var row in p.Page.Items)
            foreach (var problem in row.Problems)
                (problem.Level == ProblemLevel.Error ? stderr : stdout).WriteLine(
                    $"  baris {row.Row}: {(problem.Level == ProblemLevel.Error ? "MASALAH" : "peringatan")} — {problem.Message}"
                    + (problem.Suggestions is { Count: > 0 } s ? $" (saran: {string.Join(", ", s.Take(3))})" : ""));
        if (p.Page.TotalCount > p.Page.Items.Count) stdout.WriteLine($"  … dan {p.Page.TotalCount - p.Page.Items.Count:N0} baris lain; lihat semuanya di halaman Impor.");
        if (check)
        {
            stdout.WriteLine($"Hanya pemeriksaan: tidak ada yang disimpan. Lanjutkan di halaman Impor (/app/impor/{session.Id}) atau jalankan lagi tanpa --check.");
            return p.ErrorRows == 0 ? BackupCommands.Ok : BackupCommands.Refused;
        }
        if (p.ErrorRows > 0)
        {
            if (!args.Contains("--skip-problems"))
            {
                stderr.WriteLine($"Ditolak: {p.ErrorRows:N0} baris masih bermasalah. Perbaiki di halaman Impor (/app/impor/{session.Id}), perbaiki berkasnya, " +
                    "atau pakai --skip-problems untuk melewatinya.");
                return BackupCommands.Refused;
            }
            var skipped = await ImportSessions.SkipErrorRowsAsync(db, files, actor, session.Id, clock);
            if (!skipped.Ok)
            {
                stderr.WriteLine($"Ditolak: {skipped.Error!.Message}");
                return BackupCommands.Refused;
            }
            stdout.WriteLine($"{p.ErrorRows:N0} baris bermasalah dilewati.");
        }
        if (p.ReadyRows + p.WarningRows == 0)
        {
            stderr.WriteLine("Ditolak: tidak ada baris yang dapat diimpor.");
            return BackupCommands.Refused;
        }
        if (BackupCommands.Confirm(args, stdin, stdinRedirected, stdout, stderr, "menyimpan", $"Simpan {p.ReadyRows + p.WarningRows:N0} baris ke {user.RegionCode}?",
                $"Dibatalkan. Sesi impor tetap ada: /app/impor/{session.Id}") is { } refused)
            return refused;
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var progress = new TerminalProgress(stdout, terminal);
        var committed = await ImportSessions.CommitAsync(db, files, actor, session.Id, clock,
            new Progress(progress), CancellationToken.None);
        progress.Finish();
        if (!committed.Ok)
        {
            stderr.WriteLine($"Gagal: {committed.Error!.Message}");
            return BackupCommands.Failed;
        }
        var c = committed.Value!;
        stdout.WriteLine($"Tersimpan: {c.Created:N0} {session.TargetLabel.ToLowerInvariant()} baru" +
            (c.PartnersCreated > 0 && target != ImportTarget.Partners ? $", {c.PartnersCreated:N0} mitra baru" : "") +
            (c.Linked > 0 ? $", {c.Linked:N0} terhubung ke data yang sudah ada" : "") +
            (c.Skipped > 0 ? $", {c.Skipped:N0} baris dilewati" : "") + $"; {started.Elapsed.TotalSeconds:N1} detik.");
        return BackupCommands.Ok;
    }

    /// <summary>The commit's rows written, shown on the same progress line as a backup's.</summary>
    private sealed class Progress(TerminalProgress line) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => line.Report(new Core.Backup.BackupProgress("Menyimpan", "data", value.Done, value.Total));
    }

    private static bool IsOptionValue(string[] args, string value)
    {
        var i = Array.IndexOf(args, value);
        return i > 0 && args[i - 1] is "--user" or "--target";
    }

    private static JalinDb NewDb(DatabaseOptions database) => BackupCommands.NewDb(database);

    private static string? Option(string[] args, string name) => BackupCommands.Option(args, name);
}
