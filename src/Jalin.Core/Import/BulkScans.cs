using System.IO.Compression;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Import;

public sealed record ScanUpload(string? FileName, byte[] Content);

public enum ScanOutcome { Matched, Unmatched, Ambiguous, Refused, AlreadyAttached }

public sealed record ScanResult(string FileName, ScanOutcome Outcome, string Message, Guid? AgreementId = null, string? AgreementNumber = null,
    string? AgreementTitle = null, DocumentKind? Kind = null, IReadOnlyList<string>? Candidates = null);

public sealed record ScanReport(int Matched, int Unmatched, int Ambiguous, int Refused, int AlreadyAttached, IReadOnlyList<ScanResult> Files);

/// <summary>Attaches scans of signed naskah in bulk: PDFs (or one ZIP of PDFs, checked like a workbook against zip bombs)
/// whose file names are agreement numbers ("180-2019-KB.pdf" for "180/2019/KB"). Each matched file becomes the agreement's
/// naskah document of the kind its number or its kind of cooperation says; the rest is reported unmatched or ambiguous.</summary>
public static class BulkScans
{
    public const int MaxFiles = 2000;

    public static async Task<Result<ScanReport>> AttachAsync(JalinDb db, FileStore files, ImportOptions options, CurrentActor actor, Guid? sessionId,
        IReadOnlyList<ScanUpload> uploads, TimeProvider clock, CancellationToken ct = default)
    {
        string region;
        if (sessionId is { } sid)
        {
            var found = await ImportAccess.FindAsync(db, actor, sid, ct);
            if (!found.Ok) return found.Error!;
            region = found.Value!.RegionCode;
        }
        else
        {
            if (!ImportAccess.CanImportInto(actor, actor.RegionCode)) return new ForbiddenError(ImportAccess.Forbidden);
            region = actor.RegionCode!;
        }
        if (uploads.Count == 0) return ValidationError.Of("files", "Pilih berkas pindaian (PDF) atau satu berkas ZIP berisi PDF.");

        var results = new List<ScanResult>();
        var pdfs = new List<(string Name, byte[] Content)>();
        foreach (var u in uploads)
        {
            var name = Path.GetFileName(u.FileName ?? "").Trim();
            if (name.Length == 0) name = "berkas";
            if (u.Content.AsSpan().StartsWith("PK\u0003\u0004"u8) && FileSniffer.Detect(u.Content) is null)
            {
                var (entries, refusal) = Unzip(u.Content, files.MaxBytes, options);
                if (refusal is not null) { results.Add(new(name, ScanOutcome.Refused, refusal)); continue; }
                pdfs.AddRange(entries);
            }
            else pdfs.Add((name, u.Content));
        }
        if (pdfs.Count > MaxFiles) return ValidationError.Of("files", $"Paling banyak {MaxFiles} berkas sekali unggah.");

        var query = from p in db.AgreementParties.AsNoTracking()
                    join a in db.Agreements.AsNoTracking() on p.AgreementId equals a.Id
                    where p.Order == 1 && a.RegionCode == region && p.DocumentNumber != null && (sessionId == null || a.ImportSessionId == sessionId)
                    select new { a.Id, Number = p.DocumentNumber!, a.Title, a.Kind, a.Stage, a.SignedOn, a.ImportSessionId };
        var agreements = await query.ToListAsync(ct);
        var byKey = agreements.GroupBy(a => ImportReference.NumberKey(a.Number)).ToDictionary(g => g.Key, g => g.ToList());
        var ids = agreements.Select(a => a.Id).ToList();
        var attached = (await db.AgreementDocuments.AsNoTracking().Where(d => ids.Contains(d.AgreementId) && d.FileSha256 != null)
            .Select(d => new { d.AgreementId, d.FileSha256 }).ToListAsync(ct)).Select(d => (d.AgreementId, d.FileSha256!)).ToHashSet();
        var now = clock.GetUtcNow();

        foreach (var (name, content) in pdfs)
        {
            if (FileSniffer.Detect(content) != FileSniffer.Pdf) { results.Add(new(name, ScanOutcome.Refused, "Bukan berkas PDF (isi berkas diperiksa, bukan namanya).")); continue; }
            if (content.LongLength > files.MaxBytes) { results.Add(new(name, ScanOutcome.Refused, FileStore.TooLargeText(files.MaxBytes))); continue; }
            var key = ImportReference.NumberKey(Path.GetFileNameWithoutExtension(name));
            var matches = byKey.GetValueOrDefault(key);
            if (matches is null)
            {
                // "180-2019-KB pindaian.pdf": the longest number the name starts with.
                var prefixes = byKey.Keys.Where(k => key.StartsWith(k + " ", StringComparison.Ordinal)).ToList();
                var longest = prefixes.Count == 0 ? 0 : prefixes.Max(k => k.Length);
                var best = prefixes.Where(k => k.Length == longest).ToList();
                if (best.Count == 1) matches = byKey[best[0]];
                else if (best.Count > 1) matches = best.SelectMany(k => byKey[k]).ToList();
            }
            if (matches is null || matches.Count == 0)
            {
                results.Add(new(name, ScanOutcome.Unmatched, "Tidak ada kerja sama dengan nomor naskah seperti nama berkas ini. Ganti nama berkas menjadi nomor naskahnya (garis miring ditulis tanda hubung), misalnya 180-2019-KB.pdf."));
                continue;
            }
            if (matches.Count > 1)
            {
                results.Add(new(name, ScanOutcome.Ambiguous, "Nama berkas cocok dengan lebih dari satu kerja sama; lampirkan dari halaman kerja samanya.",
                    Candidates: matches.Select(m => $"{m.Number} — {m.Title}").ToList()));
                continue;
            }
            var a = matches[0];
            if (a.Stage == Stage.Ended && a.ImportSessionId is null)
            {
                results.Add(new(name, ScanOutcome.Refused, "Kerja sama telah berakhir; dokumen tidak dapat ditambahkan.", a.Id, a.Number, a.Title));
                continue;
            }
            var blob = await db.StoreAsync(files, content, FileSniffer.Pdf, clock, ct);
            if (!attached.Add((a.Id, blob.Sha256)))
            {
                results.Add(new(name, ScanOutcome.AlreadyAttached, "Berkas yang sama sudah terlampir pada kerja sama ini.", a.Id, a.Number, a.Title));
                continue;
            }
            var kind = NaskahKind(a.Number + " " + name, a.Kind);
            db.AgreementDocuments.Add(new AgreementDocument
            {
                AgreementId = a.Id, Kind = kind, Title = $"Pindaian {kind.Label()} {a.Number}", Stage = a.Stage, Number = a.Number, SignedOn = a.SignedOn,
                Visibility = DocumentVisibility.Internal, FileSha256 = blob.Sha256, FileName = name.Length > 255 ? name[..255] : name,
                ContentType = FileSniffer.Pdf.ContentType, FileSize = blob.Size, UploadedBy = actor.UserName, CreatedAt = now, RegionCode = region, UploaderRegionCode = region,
            });
            results.Add(new(name, ScanOutcome.Matched, $"Dilampirkan sebagai {kind.Label()}.", a.Id, a.Number, a.Title, kind));
        }
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new ScanReport(results.Count(r => r.Outcome == ScanOutcome.Matched), results.Count(r => r.Outcome == ScanOutcome.Unmatched),
            results.Count(r => r.Outcome == ScanOutcome.Ambiguous), results.Count(r => r.Outcome == ScanOutcome.Refused),
            results.Count(r => r.Outcome == ScanOutcome.AlreadyAttached), results);
    }

    /// <summary>The naskah kind: named in the number or file ("PKS", "KB", "MoU", "NK"), else the one whose signing starts
    /// implementation for this kind of cooperation in the lifecycle table (PKS, Nota Kesepakatan, naskah luar negeri).</summary>
    public static DocumentKind NaskahKind(string text, CooperationKind kind)
    {
        var t = " " + ImportValues.Normalize(text) + " ";
        if (t.Contains(" pks ")) return DocumentKind.PerjanjianKerjaSama;
        if (t.Contains(" kb ") || t.Contains(" mou ")) return DocumentKind.KesepakatanBersama;
        if (t.Contains(" nk ")) return DocumentKind.NotaKesepakatan;
        return LifecycleTable.For(kind).FirstOrDefault(r => r.RecordsSigning is not null && r.Outcomes.Any(o => o.To == Stage.Implementation))?.RecordsSigning
            ?? DocumentKind.PerjanjianKerjaSama;
    }

    private static (List<(string, byte[])>, string?) Unzip(byte[] zipBytes, long maxFile, ImportOptions o)
    {
        var list = new List<(string, byte[])>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxFiles) return ([], $"ZIP berisi lebih dari {MaxFiles} berkas.");
            long total = 0;
            foreach (var e in zip.Entries)
                if (e.Length < 0 || e.Length > Math.Min(maxFile, o.MaxPartBytes) || (total += e.Length) > o.MaxUnpackedBytes
                    || (e.Length > 1024 * 1024 && e.Length / Math.Max(1, e.CompressedLength) > o.MaxCompressionRatio))
                    return ([], ImportFileCheck.Bomb(o));
            foreach (var e in zip.Entries.Where(e => e.Length > 0 && !e.FullName.EndsWith('/')))
            {
                using var s = new BoundedStream(e.Open(), e.Length);
                using var ms = new MemoryStream((int)e.Length);
                s.CopyTo(ms);
                list.Add((Path.GetFileName(e.FullName), ms.ToArray()));
            }
            return (list, null);
        }
        catch (InvalidDataException)
        {
            return ([], "Berkas ZIP rusak atau isinya lebih besar daripada yang tercatat di daftar isinya. Berkas ditolak.");
        }
    }
}
