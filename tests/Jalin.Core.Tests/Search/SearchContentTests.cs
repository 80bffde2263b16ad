using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.GoodPractices;
using Jalin.Core.Identity;
using Jalin.Core.Mapping;
using Jalin.Core.Search;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jalin.Core.Tests.Search;

/// <summary>Issue #12 item 3: the back office searches the text of uploaded PDFs and of drafts (the current version), each
/// hit shown only to who may open that document or draft; good practices and published potentials are found, the public
/// ones on the portal too.</summary>
public sealed class SearchContentTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "search-files-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private FileStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 2 * 1024 * 1024 });
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    /// <summary>A real PDF (PdfPig's builder, Helvetica) with these lines of text on one page.</summary>
    internal static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new PdfPoint(50, y), font);
            y -= 18;
        }
        return builder.Build();
    }

    private async Task<DocumentView> AttachAsync(Guid agreementId, string title, byte[] content, DocumentVisibility visibility, DocumentKind kind = DocumentKind.FeasibilityStudy)
    {
        await using var db = _db.NewDb();
        var r = await AttachDocument.HandleAsync(db, _store, Actors.Officer, agreementId, new AttachDocumentRequest
        {
            Kind = kind, Title = title, Visibility = visibility, Content = content, FileName = "kajian.pdf",
        }, _clock);
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value!;
    }

    private async Task<List<SearchHit>> FindAsync(CurrentActor actor, string q, string? kind = null)
    {
        await using var db = _db.NewDb();
        var r = await SiteSearch.ForActorAsync(db, actor, new SearchQuery { Q = q, Kind = kind });
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value!.Hits.Items.ToList();
    }

    private async Task<List<SearchHit>> FindPublicAsync(string q)
    {
        await using var db = _db.NewDb();
        var r = await SiteSearch.PublicAsync(db, new SearchQuery { Q = q });
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value!.Hits.Items.ToList();
    }

    [Fact]
    public async Task The_text_of_an_uploaded_PDF_is_found_by_a_stemmed_word_and_only_by_who_may_open_the_document()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var pdf = Pdf("Kajian teknis persampahan kawasan Cipageran", "Penyelenggaraan pengangkutan oleh kedua daerah.");
        var doc = await AttachAsync(id, "Studi kelayakan TPS", pdf, DocumentVisibility.Internal);

        // "sampah" finds "persampahan" in the PDF's text (not in the agreement's own fields: Cipageran is only in the PDF).
        var hit = Assert.Single(await FindAsync(Actors.Officer, "sampah Cipageran"));
        Assert.Equal(SearchKind.DocumentText, hit.Kind);
        Assert.Equal("Isi dokumen", hit.KindLabel);
        Assert.Equal(doc.Id, hit.SubjectId);
        Assert.Equal(id, hit.AgreementId);
        Assert.Contains("<mark>persampahan</mark>", hit.SnippetHtml);
        Assert.Single(await FindAsync(Actors.Leader, "penyelenggaraan Cipageran"));

        // An internal paper of Cimahi: not the other party's officer, not the DPRD secretariat, not another region.
        Assert.Empty(await FindAsync(Actors.PartyOfficer, "Cipageran"));
        Assert.Empty(await FindAsync(Actors.Dprd, "Cipageran"));
        Assert.Empty(await FindAsync(Actors.Stranger, "Cipageran"));
        Assert.Empty(await FindPublicAsync("Cipageran"));

        // A shared one is read by the other party too.
        await AttachAsync(id, "Rencana rute", Pdf("Rute armada melalui Cimerang"), DocumentVisibility.Shared);
        Assert.Equal(SearchKind.DocumentText, Assert.Single(await FindAsync(Actors.PartyOfficer, "Cimerang")).Kind);
        Assert.Empty(await FindAsync(Actors.Stranger, "Cimerang"));

        // A full reindex reads the text again from the file store.
        await using (var db = _db.NewDb())
            await SearchIndexer.ReindexAllAsync(db, _clock, _store);
        Assert.Equal(doc.Id, Assert.Single(await FindAsync(Actors.Officer, "sampah Cipageran")).SubjectId);
        await using (var db = _db.NewDb())
        {
            var entry = await db.SearchEntries.SingleAsync(e => e.SubjectId == doc.Id);
            Assert.Equal(SearchKind.DocumentText, entry.Kind);
            Assert.False(entry.IsPublic);
            Assert.True(entry.Body.Length <= SearchEntry.MaxBody);
        }
    }

    [Fact]
    public async Task A_PDF_that_cannot_be_read_is_indexed_by_its_title_and_the_save_goes_through()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nthis is not a valid cross reference table\n"u8.ToArray();
        var doc = await AttachAsync(id, "Laporan Cibeureum", broken, DocumentVisibility.Internal);
        var hit = Assert.Single(await FindAsync(Actors.Officer, "Cibeureum"));
        Assert.Equal(doc.Id, hit.SubjectId);
        Assert.Equal("", hit.SnippetHtml);
        Assert.Equal("", DocumentText.Extract(broken));
        Assert.Equal("", DocumentText.Extract([]));
    }

    [Fact]
    public void The_text_of_a_DOCX_is_extracted_too()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(
                new W.Paragraph(new W.Run(new W.Text("Kerangka acuan persampahan"))),
                new W.Paragraph(new W.Run(new W.Text("Lokasi Cilengkrang")))));
        }
        var text = DocumentText.Extract(ms.ToArray());
        Assert.Equal("Kerangka acuan persampahan\nLokasi Cilengkrang", text);
    }

    [Fact]
    public void Long_PDF_text_is_capped()
    {
        var words = Enumerable.Range(0, 400).Select(i => "pengelolaan sampah terpadu kawasan industri nomor " + i).ToArray();
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < 10; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var l = 0; l < 40; l++) page.AddText(words[(p * 40 + l) % words.Length], 9, new PdfPoint(40, 800 - l * 19), font);
        }
        var text = DocumentText.Extract(builder.Build());
        Assert.InRange(text.Length, 15_000, SearchEntry.MaxBody);
        Assert.Contains("sampah", text);
    }

    [Fact]
    public async Task A_drafts_current_clauses_are_found_naskah_by_the_parties_letters_only_inside_the_owning_region()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        DraftDetails kb, letter;
        await using (var db = _db.NewDb())
            kb = (await DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "kb" }, _clock)).Value!;
        await using (var db = _db.NewDb())
        {
            var r = await DraftUseCases.SaveAsync(db, Actors.Officer, id, kb.Id, Edit(kb, "Armada persampahan berpangkalan di Cipatat."), _clock);
            Assert.True(r.Ok, r.Error?.ToString());
        }
        await using (var db = _db.NewDb())
        {
            var r = await DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "surat-penawaran" }, _clock);
            Assert.True(r.Ok, r.Error?.ToString());
            letter = r.Value!;
        }
        await using (var db = _db.NewDb())
            Assert.True((await DraftUseCases.SaveAsync(db, Actors.Officer, id, letter.Id, Edit(letter, "Penawaran ini menyebut Cisarua."), _clock)).Ok);

        var hit = Assert.Single(await FindAsync(Actors.Officer, "sampah Cipatat"));
        Assert.Equal(SearchKind.Draft, hit.Kind);
        Assert.Equal("Rancangan naskah", hit.KindLabel);
        Assert.Equal(kb.Id, hit.SubjectId);
        Assert.Equal(id, hit.AgreementId);
        // A naskah is negotiated with the other party, which reads its drafts; a stranger does not.
        Assert.Single(await FindAsync(Actors.PartyOfficer, "Cipatat"));
        Assert.Empty(await FindAsync(Actors.Stranger, "Cipatat"));
        Assert.Empty(await FindPublicAsync("Cipatat"));

        // The offer letter is the owning region's internal paper.
        Assert.Equal(letter.Id, Assert.Single(await FindAsync(Actors.Leader, "Cisarua", "Draft")).SubjectId);
        Assert.Empty(await FindAsync(Actors.PartyOfficer, "Cisarua"));
        Assert.Empty(await FindAsync(Actors.Dprd, "Cisarua"));

        // Only the current version counts: once the sentence is gone, so is the hit.
        DraftDetails current;
        await using (var db = _db.NewDb())
            current = (await DraftUseCases.GetAsync(db, Actors.Officer, id, kb.Id, null)).Value!;
        await using (var db = _db.NewDb())
        {
            var clauses = current.Clauses.Select(c => new ClauseInput { Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = c.Paragraphs.Where(p => !p.Contains("Cipatat")).ToList() }).ToList();
            Assert.True((await DraftUseCases.SaveAsync(db, Actors.Officer, id, kb.Id, new SaveDraftRequest { BasedOnVersion = current.LatestVersion, Clauses = clauses }, _clock)).Ok);
        }
        Assert.Empty(await FindAsync(Actors.Officer, "Cipatat"));
    }

    private static SaveDraftRequest Edit(DraftDetails d, string added) => new()
    {
        BasedOnVersion = d.LatestVersion, Note = "tambahan",
        Clauses = d.Clauses.Select((c, i) => new ClauseInput
        {
            Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = i == 0 ? [.. c.Paragraphs, added] : [.. c.Paragraphs],
        }).ToList(),
    };

    [Fact]
    public async Task Good_practices_are_found_in_the_back_office_by_the_practice_rule_and_on_the_portal_once_published()
    {
        Guid id;
        await using (var db = _db.NewDb())
        {
            var r = await GoodPracticeUseCases.CreateAsync(db, Actors.Officer, new GoodPracticeInput
            {
                Title = "Bank sampah Cigugur Tengah", AffairCode = "2.11", Problem = "Timbulan sampah rumah tangga tinggi.",
                Actions = "Penyelenggaraan bank sampah di setiap RW.", ContactOffice = "Bagian Kerja Sama Setda Kota Cimahi",
                Results = [new PracticeResultInput("Sampah terpilah", 12m, "ton/bulan")],
            }, _clock);
            Assert.True(r.Ok, r.Error?.ToString());
            id = r.Value!.Id;
        }
        // A draft practice: its region only.
        var hit = Assert.Single(await FindAsync(Actors.Leader, "persampahan Cigugur"));
        Assert.Equal(SearchKind.GoodPractice, hit.Kind);
        Assert.Equal("Praktik baik", hit.KindLabel);
        Assert.Single(await FindAsync(Actors.Officer, "selenggara Cigugur"));
        Assert.Empty(await FindAsync(Actors.Stranger, "Cigugur"));
        Assert.Empty(await FindPublicAsync("Cigugur"));

        await using (var db = _db.NewDb())
            Assert.True((await GoodPracticeUseCases.PublishAsync(db, Actors.Officer, id, true, _clock)).Ok);
        Assert.Single(await FindAsync(Actors.Stranger, "Cigugur"));
        var open = Assert.Single(await FindPublicAsync("sampah Cigugur"));
        Assert.Equal((SearchKind.GoodPractice, id), (open.Kind, open.SubjectId));

        await using (var db = _db.NewDb())
            Assert.True((await GoodPracticeUseCases.PublishAsync(db, Actors.Officer, id, false, _clock)).Ok);
        Assert.Empty(await FindPublicAsync("Cigugur"));
        Assert.Empty(await FindAsync(Actors.Stranger, "Cigugur"));
    }

    [Fact]
    public async Task Published_potentials_are_public_and_unpublished_ones_are_not()
    {
        Guid potential, need;
        await using (var db = _db.NewDb())
        {
            var agency = new Agency { RegionCode = Actors.Cimahi, Name = "Dinas Lingkungan Hidup Kota Cimahi", ShortName = "DLH" };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            var a = await MappingItems.CreateAsync(db, Actors.Officer, new MappingItemInput
            {
                Kind = MappingKind.Potential, Title = "Lahan pengolahan sampah Leuwigajah", AffairCode = "2.11", AgencyId = agency.Id, Program = "Program Citeureup Bersih",
            }, _clock);
            var n = await MappingItems.CreateAsync(db, Actors.Officer, new MappingItemInput { Kind = MappingKind.Need, Title = "Armada sampah Leuwigajah", AffairCode = "2.11", AgencyId = agency.Id }, _clock);
            Assert.True(a.Ok, a.Error?.ToString());
            potential = a.Value!.Id;
            need = n.Value!.Id;
            Assert.True((await MappingItems.SubmitAsync(db, Actors.Officer, potential, _clock)).Ok);
            Assert.True((await MappingItems.AcceptAsync(db, Actors.Officer, potential, _clock)).Ok);
        }
        Assert.Empty(await FindPublicAsync("Leuwigajah"));
        Assert.Equal(2, (await FindAsync(Actors.Officer, "Leuwigajah")).Count);
        Assert.Single(await FindAsync(Actors.Officer, "Citeureup"));

        await using (var db = _db.NewDb())
            Assert.True((await MappingPublication.SetAsync(db, Actors.Officer, potential, true, _clock)).Ok);
        var open = Assert.Single(await FindPublicAsync("persampahan Leuwigajah"));
        Assert.Equal((SearchKind.Potential, potential), (open.Kind, open.SubjectId));
        Assert.DoesNotContain(need, (await FindPublicAsync("Leuwigajah")).Select(h => h.SubjectId));
        // The RPJMD program is not on the portal's page, so a public entry does not hold it.
        Assert.Empty(await FindPublicAsync("Citeureup"));

        await using (var db = _db.NewDb())
            Assert.True((await MappingPublication.SetAsync(db, Actors.Officer, potential, false, _clock)).Ok);
        Assert.Empty(await FindPublicAsync("Leuwigajah"));
    }
}
