using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo drafts made through the real drafting use cases: a PKS that went through three
/// versions with the lead OPD and TKKSD, an addendum the partner's liaison commented on, a
/// Garut KB whose latest version lacks a required clause (blocked before signing), and a Cimahi KB
/// issued as final and half-way through its paraf (its verification code works on the public page).</summary>
internal static class DemoDrafts
{
    public static async Task SeedAsync(Func<JalinDb> newDb, Files.FileStore files, DemoData.DemoClock clock, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people,
        CancellationToken ct)
    {
        var officer = people["kerjasama.cimahi"];
        var opd = people["opd.cimahi"];
        var tkksd = people["tkksd.cimahi"];
        var mitra = people["mitra.cimahi"];
        var garut = people["kerjasama.garut"];

        // Cimahi KSDPK "Kampung Iklim" (DLH): PKS in three versions.
        clock.Now = DemoData.DemoClock.At(today.AddDays(-9));
        var kampung = await FindAsync(newDb, "Program Kampung Iklim", ct);
        var pks = await Must(newDb, db => DraftUseCases.CreateAsync(db, officer, kampung, new CreateDraftRequest { TemplateCode = "pks-ksdpk" }, clock), "PKS Kampung Iklim");
        clock.Now = DemoData.DemoClock.At(today.AddDays(-7));
        var v2 = await Must(newDb, db => DraftUseCases.SaveAsync(db, opd, kampung, pks.Id, Edit(pks, "Rincian ruang lingkup dari DLH", c => c.Type == ClauseType.Scope,
            _ => ["Ruang lingkup Perjanjian Kerja Sama ini meliputi: a. pendampingan 12 (dua belas) RW menuju Kampung Iklim; b. pembentukan dan penguatan bank sampah; c. pengurangan sampah plastik sekali pakai di sekolah dan pasar; d. pelaporan capaian pengurangan emisi kepada PIHAK KESATU."]), clock), "PKS v2");
        var sanctions = v2.Clauses.First(c => c.Type == ClauseType.Sanctions);
        clock.Now = DemoData.DemoClock.At(today.AddDays(-6));
        var remark = await Must(newDb, db => DraftUseCases.CommentAsync(db, tkksd, kampung, pks.Id, new CommentRequest
        {
            ClauseKey = sanctions.Key, Text = "Sanksi perlu menyebut pengembalian dana hibah yang belum digunakan bila mitra berhenti sebelum waktunya.",
        }, clock), "komentar TKKSD");
        clock.Now = DemoData.DemoClock.At(today.AddDays(-5));
        await Must(newDb, db => DraftUseCases.SaveAsync(db, officer, kampung, pks.Id, Edit(v2, "Menindaklanjuti catatan TKKSD tentang sanksi", c => c.Key == sanctions.Key,
            p => [.. p, "Apabila PIHAK KEDUA mengakhiri kerja sama sebelum jangka waktu berakhir, dana hibah yang belum digunakan dikembalikan kepada pemberi hibah sesuai ketentuan peraturan perundang-undangan."]), clock), "PKS v3");
        // The officer answers in the thread and the TKKSD member marks it resolved.
        await Must(newDb, db => DraftUseCases.CommentAsync(db, officer, kampung, pks.Id, new CommentRequest
        {
            ClauseKey = sanctions.Key, ReplyTo = remark.Id, Text = "Sudah ditambahkan sebagai ayat terakhir pasal sanksi pada versi 3.",
        }, clock), "balasan petugas");
        await Must(newDb, db => DraftUseCases.ResolveCommentAsync(db, tkksd, kampung, pks.Id, remark.Id, new ResolveCommentRequest { Resolved = true }, clock),
            "komentar TKKSD selesai");

        // Cimahi–Unjani (Implementation): an addendum the partner's liaison commented on.
        clock.Now = DemoData.DemoClock.At(today.AddDays(-4));
        var unjani = await FindAsync(newDb, "Tridharma Perguruan Tinggi", ct);
        var addendum = await Must(newDb, db => DraftUseCases.CreateAsync(db, officer, unjani, new CreateDraftRequest { TemplateCode = "addendum", Title = "Addendum: penambahan program magang mahasiswa" }, clock), "addendum");
        clock.Now = DemoData.DemoClock.At(today.AddDays(-3));
        await Must(newDb, db => DraftUseCases.CommentAsync(db, mitra, unjani, addendum.Id, new CommentRequest
        {
            ClauseKey = addendum.Clauses[0].Key, Text = "Unjani mengusulkan kuota magang 40 mahasiswa per semester di 8 perangkat daerah.",
        }, clock), "komentar mitra");

        // Garut KSDD agrowisata (DraftingKb): the dispute clause was dropped, so sending to signing is blocked.
        clock.Now = DemoData.DemoClock.At(today.AddDays(-2));
        var agro = await FindAsync(newDb, "Agrowisata dengan Kabupaten Cianjur", ct);
        var kb = await Must(newDb, db => DraftUseCases.CreateAsync(db, garut, agro, new CreateDraftRequest { TemplateCode = "kb" }, clock), "KB Garut");
        clock.Now = DemoData.DemoClock.At(today.AddDays(-1));
        await Must(newDb, db => DraftUseCases.SaveAsync(db, garut, agro, kb.Id, new SaveDraftRequest
        {
            BasedOnVersion = kb.LatestVersion, Note = "Pasal penyelesaian perselisihan menunggu masukan Bagian Hukum",
            Clauses = kb.Clauses.Where(c => c.Type != ClauseType.DisputeResolution).Select(Input).ToList(),
        }, clock), "KB Garut v2");

        // Cimahi–Kabupaten Bandung shallot and chili supply (SigningKb): the KB drafted in Jalin, issued as
        // final with the region's number and a verification code, paraf'd by the first two officials.
        // Filed as DOCX (no LibreOffice needed to seed); on a server with LibreOffice finals are PDF.
        clock.Now = DemoData.DemoClock.At(today.AddDays(-3));
        var supply = await FindAsync(newDb, "Pasokan Bawang Merah dan Cabai", ct);
        await using (var db = newDb())
        {
            // Kabupaten Bandung's own number for the KB (every party's number is required before the final).
            db.ActingAs(officer);
            foreach (var party in await db.AgreementParties.Where(p => p.AgreementId == supply && p.RegionCode != officer.RegionCode).ToListAsync(ct))
                party.DocumentNumber ??= "500.3/112/Perekonomian";
            await db.SaveChangesAsync(ct);
        }
        var supplyKb = await Must(newDb, db => DraftUseCases.CreateAsync(db, officer, supply, new CreateDraftRequest { TemplateCode = "kb" }, clock), "KB pasokan");
        clock.Now = DemoData.DemoClock.At(today.AddDays(-2));
        var noPdf = new PdfConverter(new PdfOptions { SearchPath = false });
        await Must(newDb, db => FinalizeDraft.HandleAsync(db, files, noPdf, officer, supply, supplyKb.Id, new FinalizeDraftRequest { Version = 1 },
            "http://127.0.0.1:5080", clock), "KB pasokan final");
        var order = await Must(newDb, db => Signing.GetAsync(db, new NoElectronicSignature(), officer, supply, supplyKb.Id), "urutan paraf");
        var names = new[] { "Drs. Heri Rustaman (Kabag Kerja Sama)", "Dian Purnamasari, S.H. (Kabag Hukum)" };
        for (var i = 0; i < names.Length; i++)
        {
            clock.Now = DemoData.DemoClock.At(today.AddDays(-1));
            var (step, name) = (order.Paraf[i], names[i]);
            await Must(newDb, db => Signing.ParafAsync(db, new NoElectronicSignature(), officer, supply, supplyKb.Id,
                new ParafRequest { Order = step.Order, Name = name }, clock), "paraf " + step.Office);
        }
    }

    private static ClauseInput Input(DraftClauseView c) => new() { Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = [.. c.Paragraphs] };

    private static SaveDraftRequest Edit(DraftDetails d, string note, Func<DraftClauseView, bool> which, Func<IReadOnlyList<string>, List<string>> paragraphs) => new()
    {
        BasedOnVersion = d.LatestVersion, Note = note,
        Clauses = d.Clauses.Select(c => which(c) ? Input(c) with { Paragraphs = paragraphs(c.Paragraphs) } : Input(c)).ToList(),
    };

    private static async Task<Guid> FindAsync(Func<JalinDb> newDb, string title, CancellationToken ct)
    {
        await using var db = newDb();
        return await db.Agreements.Where(a => a.Title.Contains(title)).Select(a => a.Id).FirstAsync(ct);
    }

    private static async Task<T> Must<T>(Func<JalinDb> newDb, Func<JalinDb, Task<Result<T>>> call, string what)
    {
        await using var db = newDb();
        var r = await call(db);
        if (!r.Ok) throw new InvalidOperationException($"Demo draft {what}: {r.Error!.Message}");
        return r.Value!;
    }
}
