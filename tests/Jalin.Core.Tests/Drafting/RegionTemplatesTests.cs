using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Tests.Infrastructure;

namespace Jalin.Core.Tests.Drafting;

/// <summary>A region's own template copies and its letterhead, on a migrated SQLite database.</summary>
public sealed class RegionTemplatesTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 23));
    private TestDb _db = null!;
    private Scenario _s = null!;
    private readonly FileStore _files = new(new FileStoreOptions { Root = Path.Combine(Path.GetTempPath(), "jalin-core-tests-files", Guid.NewGuid().ToString("N")) });
    private static readonly CurrentActor Tkksd = new("tkksd-cimahi", "tkksd.cimahi", "Anggota TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static RegionTemplateInput InputOf(RegionTemplateDetails t, Func<List<ClauseInput>, List<ClauseInput>> change, int? basedOn = null) => new()
    {
        Name = t.Name + " (Cimahi)", BasedOnVersion = basedOn ?? t.Version,
        Clauses = change(t.Clauses.Select(c => new ClauseInput { Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = [.. c.Paragraphs] }).ToList()),
    };

    private async Task<WordprocessingDocument> DocxOfAsync(Guid agreementId, Guid draftId)
    {
        await using var db = _db.NewDb();
        var file = (await DraftUseCases.DocxAsync(db, _files, Actors.Officer, agreementId, draftId, null, _clock)).Value!;
        var ms = new MemoryStream();
        await file.Content.CopyToAsync(ms);
        ms.Position = 0;
        return WordprocessingDocument.Open(ms, false);
    }

    private static (string? Family, string? HalfPoints) DefaultFontOf(WordprocessingDocument doc)
    {
        var rp = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!;
        return (rp.Descendants<RunFonts>().Single().Ascii?.Value, rp.Descendants<FontSize>().Single().Val?.Value);
    }

    [Fact]
    public async Task The_regions_font_is_used_for_its_naskah_and_letters_and_refused_when_not_offered()
    {
        var pdf = new PdfConverter(new PdfOptions { SearchPath = false });
        var id = await _s.RegisterAsync(Scenario.Ksdd());
        DraftDetails kb, letter;
        await using (var db = _db.NewDb())
        {
            kb = (await DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "kb" }, _clock)).Value!;
            letter = (await DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "surat-penawaran" }, _clock)).Value!;
        }
        using (var before = await DocxOfAsync(id, kb.Id)) Assert.Equal(("Bookman Old Style", "24"), DefaultFontOf(before));

        await using (var db = _db.NewDb())
        {
            DraftingSettingsInput Font(string? family, int? size) => new() { Font = family, FontSize = size };
            Assert.Contains("font", Assert.IsType<ValidationError>((await DraftingSettings.SetAsync(db, pdf, Actors.Officer, Font("Comic Sans MS", 12), _clock)).Error).Fields.Keys);
            Assert.Contains("fontSize", Assert.IsType<ValidationError>((await DraftingSettings.SetAsync(db, pdf, Actors.Officer, Font("Arial", 20), _clock)).Error).Fields.Keys);
            Assert.Contains("fontSize", Assert.IsType<ValidationError>((await DraftingSettings.SetAsync(db, pdf, Actors.Officer, Font("Arial", null), _clock)).Error).Fields.Keys);
            Assert.Contains("font", Assert.IsType<ValidationError>((await DraftingSettings.SetAsync(db, pdf, Actors.Officer, Font(null, 11), _clock)).Error).Fields.Keys);
            Assert.IsType<ForbiddenError>((await DraftingSettings.SetAsync(db, pdf, Tkksd, Font("Arial", 11), _clock)).Error);
            var set = (await DraftingSettings.SetAsync(db, pdf, Actors.Officer, Font("arial", 11), _clock)).Value!;
            Assert.Equal(("Arial", 11, true), (set.Font, set.FontSize, set.FontIsRegionValue));
            // Another region keeps Jalin's default.
            var other = (await DraftingSettings.GetAsync(db, pdf, Actors.PartyOfficer, _clock)).Value!;
            Assert.Equal(("Bookman Old Style", 12, false), (other.Font, other.FontSize, other.FontIsRegionValue));
        }
        foreach (var draft in new[] { kb.Id, letter.Id })
        {
            using var doc = await DocxOfAsync(id, draft);
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            Assert.Equal(("Arial", "22"), DefaultFontOf(doc));
        }

        await using (var db = _db.NewDb())
        {
            var reset = (await DraftingSettings.SetAsync(db, pdf, Actors.Officer, new DraftingSettingsInput { Font = "" }, _clock)).Value!;
            Assert.Equal(("Bookman Old Style", 12, false), (reset.Font, reset.FontSize, reset.FontIsRegionValue));
        }
        using (var after = await DocxOfAsync(id, kb.Id)) Assert.Equal(("Bookman Old Style", "24"), DefaultFontOf(after));
    }

    [Fact]
    public async Task A_regions_copy_is_used_for_new_drafts_until_it_is_reset()
    {
        await using var db = _db.NewDb();
        var kb = (await RegionTemplates.GetAsync(db, Actors.Officer, "kb")).Value!;
        Assert.False(kb.RegionCopy);
        Assert.Empty(kb.Missing);

        var extra = "Kerja sama {{judul}} dikoordinasikan oleh Bagian Kerja Sama Setda Kota Cimahi.";
        Assert.IsType<ForbiddenError>((await RegionTemplates.SaveAsync(db, Tkksd, "kb", InputOf(kb, cs => cs), _clock)).Error);
        var bad = await RegionTemplates.SaveAsync(db, Actors.Officer, "kb", InputOf(kb, cs => { cs[0].Paragraphs!.Add("{{nilai_palsu}}"); return cs; }), _clock);
        Assert.Contains("{{nilai_palsu}}", string.Join(" ", Assert.IsType<ValidationError>(bad.Error).Fields.SelectMany(f => f.Value)));

        var saved = (await RegionTemplates.SaveAsync(db, Actors.Officer, "kb", InputOf(kb, cs =>
        {
            cs[0].Paragraphs!.Add(extra);
            return cs.Where(c => c.Type != Jalin.Core.Drafting.ClauseType.Amendment).ToList();
        }), _clock)).Value!;
        Assert.True(saved.RegionCopy);
        Assert.Equal(1, saved.Version);
        Assert.Contains(saved.Missing, m => m.Code == "clause:Amendment");
        Assert.Contains(extra, saved.Clauses[0].Paragraphs);
        Assert.IsType<ConflictError>((await RegionTemplates.SaveAsync(db, Actors.Officer, "kb", InputOf(kb, cs => cs, basedOn: 0), _clock)).Error);
        // Another region still sees Jalin's default.
        Assert.False((await RegionTemplates.GetAsync(db, Actors.Stranger, "kb")).Value!.RegionCopy);

        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var draft = (await DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "kb" }, _clock)).Value!;
        Assert.Contains("Kerja sama Pengelolaan sampah regional Cimahi–Kabupaten Bandung dikoordinasikan oleh Bagian Kerja Sama Setda Kota Cimahi.", draft.Clauses[0].Paragraphs);
        Assert.DoesNotContain(draft.Clauses, c => c.Type == Jalin.Core.Drafting.ClauseType.Amendment);
        Assert.False(draft.Complete);

        var reset = (await RegionTemplates.ResetAsync(db, Actors.Officer, "kb")).Value!;
        Assert.False(reset.RegionCopy);
        Assert.IsType<ConflictError>((await RegionTemplates.ResetAsync(db, Actors.Officer, "kb")).Error);
        Assert.IsType<NotFoundError>((await RegionTemplates.GetAsync(db, Actors.Officer, "tidak-ada")).Error);
    }

    private static byte[] LetterheadDocx(string text)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text(text))), new Paragraph(new Run(new Text("Jl. Rd. Demang Hardjakusumah, Cimahi"))));
            header.Header.Save();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("contoh"))),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) })));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task A_letterhead_docx_becomes_the_kop_of_the_regions_letters()
    {
        await using var db = _db.NewDb();
        Assert.IsType<ValidationError>((await RegionTemplates.SetLetterheadAsync(db, _files, Actors.Officer, System.Text.Encoding.ASCII.GetBytes("%PDF-1.7 bukan docx"), _clock)).Error);
        var noHeader = NaskahDocx.Write(new NaskahModel("Uji", "Uji", [new NaskahParty("A", null, null, null, null)], null, "Cimahi", []));
        var refused = await RegionTemplates.SetLetterheadAsync(db, _files, Actors.Officer, noHeader, _clock);
        Assert.Contains("header", Assert.IsType<ValidationError>(refused.Error).Message + string.Join(" ", ((ValidationError)refused.Error!).Fields["file"]));
        Assert.IsType<ForbiddenError>((await RegionTemplates.SetLetterheadAsync(db, _files, Tkksd, LetterheadDocx("x"), _clock)).Error);

        var set = await RegionTemplates.SetLetterheadAsync(db, _files, Actors.Officer, LetterheadDocx("PEMERINTAH DAERAH KOTA CIMAHI — KOP RESMI"), _clock);
        Assert.True(set.Value!.HasLetterhead);

        var id = await _s.RegisterAsync(Scenario.Ksdd());
        var letter = (await DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "surat-penawaran" }, _clock)).Value!;
        var file = (await DraftUseCases.DocxAsync(db, _files, Actors.Officer, id, letter.Id, null, _clock)).Value!;
        using var ms = new MemoryStream();
        await file.Content.CopyToAsync(ms);
        using var doc = WordprocessingDocument.Open(new MemoryStream(ms.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var headers = string.Join("\n", doc.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText));
        Assert.Contains("PEMERINTAH DAERAH KOTA CIMAHI — KOP RESMI", headers);
        var body = doc.MainDocumentPart.Document!.Body!.InnerText;
        Assert.DoesNotContain("SEKRETARIAT DAERAH", body);
        Assert.Contains("Penawaran Kerja Sama", body);
        var refId = doc.MainDocumentPart.Document.Body.Descendants<HeaderReference>().Single().Id!.Value!;
        Assert.IsType<HeaderPart>(doc.MainDocumentPart.GetPartById(refId));
    }
}

public sealed class RegionClausesTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 23));
    private TestDb _db = null!;
    private static readonly CurrentActor Tkksd = new("tkksd-cimahi", "tkksd.cimahi", "Anggota TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);

    public async Task InitializeAsync() => _db = await TestDb.CreateAsync(_clock);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_region_adds_its_own_wordings_next_to_jalins_and_only_it_changes_them()
    {
        await using var db = _db.NewDb();
        var input = new LibraryClauseInput
        {
            Type = Jalin.Core.Drafting.ClauseType.DisputeResolution, Name = "Mediasi Bagian Hukum", Heading = "Penyelesaian Perselisihan",
            Paragraphs = ["Perselisihan dimediasi oleh Bagian Hukum Setda {{daerah}}.", "  "],
        };
        Assert.IsType<ForbiddenError>((await RegionClauses.SaveAsync(db, Tkksd, null, input, _clock)).Error);
        var bad = await RegionClauses.SaveAsync(db, Actors.Officer, null, input with { Paragraphs = ["{{bukan_isian}}"] }, _clock);
        Assert.Contains("paragraphs", Assert.IsType<ValidationError>(bad.Error).Fields.Keys);
        Assert.IsType<ValidationError>((await RegionClauses.SaveAsync(db, Actors.Officer, null, input with { Type = null }, _clock)).Error);

        var saved = (await RegionClauses.SaveAsync(db, Actors.Officer, null, input, _clock)).Value!;
        Assert.Equal(["Perselisihan dimediasi oleh Bagian Hukum Setda {{daerah}}."], saved.Paragraphs);
        var cimahi = (await RegionClauses.ListAsync(db, Actors.Officer)).Value!;
        Assert.Contains(cimahi, w => w.RegionOwn && w.Name == "Mediasi Bagian Hukum");
        Assert.Equal(ClauseLibrary.All.Count + 1, cimahi.Count);
        var garut = (await RegionClauses.ListAsync(db, Actors.Stranger)).Value!;
        Assert.DoesNotContain(garut, w => w.RegionOwn);

        var id = Guid.Parse(saved.Id);
        Assert.IsType<NotFoundError>((await RegionClauses.SaveAsync(db, Actors.Stranger, id, input, _clock)).Error);
        Assert.IsType<NotFoundError>((await RegionClauses.DeleteAsync(db, Actors.Stranger, id)).Error);
        Assert.True((await RegionClauses.DeleteAsync(db, Actors.Officer, id)).Ok);
        Assert.DoesNotContain((await RegionClauses.ListAsync(db, Actors.Officer)).Value!, w => w.RegionOwn);
    }
}
